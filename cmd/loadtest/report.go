package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// p is the q-th percentile latency (nearest rank).
func (r result) p(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(q/100*float64(len(r.latencies))+0.5) - 1
	return r.latencies[min(max(i, 0), len(r.latencies)-1)]
}

func (r result) throughput() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func sortDurations(d []time.Duration) { slices.Sort(d) }

// table is the markdown table of the results.
func table(results []result, concurrency int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| scenario | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | CPU idle before |\n")
	fmt.Fprintf(&b, "|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %s |\n",
			r.name, concurrency, r.requests, r.errors, r.throughput(), ms(r.p(50)), ms(r.p(95)), ms(r.p(99)), r.idle)
	}
	return b.String()
}

// machine describes where the figures were taken: CPUs, CPU model,
// memory, Go version, time.
func machine() string {
	model := "unknown"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := "unknown"
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil {
			mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	return fmt.Sprintf("machine: %d CPUs (nproc), CPU %q, memory %s, %s %s/%s, %s",
		runtime.NumCPU(), model, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH, time.Now().UTC().Format(time.RFC3339))
}

// idleBefore samples the machine for a second before a scenario and
// returns how idle its CPUs were: other work on the machine shows here.
func idleBefore() string {
	idle0, total0 := cpuTimes()
	time.Sleep(time.Second)
	idle1, total1 := cpuTimes()
	if total1 <= total0 {
		return "?"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(idle1-idle0)/float64(total1-total0))
}

// cpuTimes reads the idle and total jiffies of all CPUs from /proc/stat.
func cpuTimes() (idle, total int64) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	for i, f := range strings.Fields(line)[1:] {
		var n int64
		fmt.Sscan(f, &n)
		total += n
		if i == 3 || i == 4 { // idle, iowait
			idle += n
		}
	}
	return idle, total
}
