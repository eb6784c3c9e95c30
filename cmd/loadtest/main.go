// Command loadtest measures the portal under load (docs/PERFORMANCE.md).
// It talks to a portal already running on a loopback address, seeded with
// cmd/loadseed:
//
//	loadtest [--base http://127.0.0.1:8099] [--concurrency 32] [--duration 15s]
//	         [--max-requests 200000] [--scenarios ceiling,case,queue-state,queue-due,intake-contract,intake-labour]
//	loadtest --scenarios dashboard [--concurrency 4]
//
// It signs in virtual users with the demo accounts (one session per
// client), then runs each scenario for the duration (or until the request
// budget is spent) with that many clients, each sending its next request
// when the last one answered (keep-alive connections). The ceiling is a
// bare Fiber app answering "ok", started inside this command on another
// loopback port and measured with the same client in the same run. It
// prints the machine and a markdown table: requests, errors (any non-2xx
// or transport error), throughput and latency percentiles.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// options are the command's flags.
type options struct {
	base        string
	concurrency int
	duration    time.Duration
	warmup      time.Duration
	maxRequests int64
	scenarios   []string
	password    string
	staff       string // sees the workstation's cases: case page, queues
	filer       string // enterprise staff: intake submissions
	supervisor  string // every workstation's dashboard
	samplePages int
}

func main() {
	var o options
	var scen string
	flag.StringVar(&o.base, "base", "http://127.0.0.1:8099", "portal base URL (loopback only)")
	flag.IntVar(&o.concurrency, "concurrency", 32, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 15*time.Second, "measured time per scenario")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured time before each scenario")
	flag.Int64Var(&o.maxRequests, "max-requests", 200000, "most requests per scenario")
	flag.StringVar(&scen, "scenarios", strings.Join(scenarioNames, ","), "scenarios to run, in order")
	flag.StringVar(&o.password, "password", "demo-2026", "password of the demo accounts")
	flag.StringVar(&o.staff, "staff", "13800000007", "workstation account for the case page and queues (demo admin)")
	flag.StringVar(&o.filer, "filer", "13800000001", "enterprise-staff account for intake submissions")
	flag.StringVar(&o.supervisor, "supervisor", "13800000008", "supervisor account for the dashboard (demo supervisor)")
	flag.IntVar(&o.samplePages, "sample-pages", 20, "case-list pages (100 each) read to pick case ids")
	flag.Parse()
	for _, name := range strings.Split(scen, ",") {
		if name == "dashboard" { // not in the default run: one scenario per kind of dashboard user
			o.scenarios = append(o.scenarios, dashboardScenarios...)
		} else {
			o.scenarios = append(o.scenarios, name)
		}
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// loopbackOnly refuses any target but this machine.
func loopbackOnly(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" {
		return fmt.Errorf("--base must be a loopback address (127.0.0.1), not %q", host)
	}
	return nil
}

func run(o options) error {
	if err := loopbackOnly(o.base); err != nil {
		return err
	}
	client := newClient(o.concurrency)
	fmt.Println(machine())
	fmt.Printf("target %s, %d clients, %s per scenario (after %s warm-up), at most %d requests each\n\n",
		o.base, o.concurrency, o.duration, o.warmup, o.maxRequests)
	var results []result
	for _, name := range o.scenarios {
		sc, err := prepare(client, o, strings.TrimSpace(name))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if sc.stop != nil {
			defer sc.stop()
		}
		idle := idleBefore()
		measure(client, sc, o.concurrency, o.warmup, 0)
		r := measure(client, sc, o.concurrency, o.duration, o.maxRequests)
		r.idle = idle
		results = append(results, r)
		fmt.Fprintf(os.Stderr, "%-16s %8d req %6d err %9.1f req/s  p50 %6.2f  p95 %6.2f  p99 %6.2f ms\n",
			r.name, r.requests, r.errors, r.throughput(), ms(r.p(50)), ms(r.p(95)), ms(r.p(99)))
		if r.firstError != "" {
			fmt.Fprintf(os.Stderr, "  first error: %s\n", r.firstError)
		}
	}
	fmt.Println(table(results, o.concurrency))
	for _, r := range results {
		if r.errors > 0 {
			return fmt.Errorf("%s: %d errors (first: %s)", r.name, r.errors, r.firstError)
		}
	}
	return nil
}

// newClient keeps one idle connection per client, never follows
// redirects and never decompresses.
func newClient(concurrency int) *http.Client {
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        2 * concurrency,
		MaxIdleConnsPerHost: 2 * concurrency,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// scenario is one kind of request. do sends one request as client i and
// returns the status (0 with an error on a transport failure).
type scenario struct {
	name string
	do   func(i int, seq int64) (int, error)
	stop func()
}

// result is one scenario's measurements.
type result struct {
	name       string
	requests   int64
	errors     int64
	elapsed    time.Duration
	latencies  []time.Duration // sorted
	firstError string
	idle       string // CPU idle in the second before the scenario
}

// measure runs the scenario with n clients for d or until limit requests
// (limit; 0: none) and collects every latency.
func measure(client *http.Client, sc *scenario, n int, d time.Duration, limit int64) result {
	var (
		sent     atomic.Int64
		errCount atomic.Int64
		firstErr atomic.Value
		wg       sync.WaitGroup
		lats     = make([][]time.Duration, n)
	)
	start := time.Now()
	deadline := start.Add(d)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				seq := sent.Add(1)
				if limit > 0 && seq > limit {
					return
				}
				t0 := time.Now()
				status, err := sc.do(i, seq)
				lats[i] = append(lats[i], time.Since(t0))
				if err != nil || status < 200 || status > 299 {
					errCount.Add(1)
					if err == nil {
						err = fmt.Errorf("status %d", status)
					}
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	wg.Wait()
	r := result{name: sc.name, elapsed: time.Since(start), errors: errCount.Load()}
	for _, l := range lats {
		r.latencies = append(r.latencies, l...)
	}
	r.requests = int64(len(r.latencies))
	sortDurations(r.latencies)
	if e, ok := firstErr.Load().(string); ok {
		r.firstError = e
	}
	return r
}
