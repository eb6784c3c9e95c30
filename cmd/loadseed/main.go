// Command loadseed fills a database with a demo park and many cases, for
// load tests (docs/PERFORMANCE.md):
//
//	loadseed [--db URL] [--cases 100000] [--enterprises 200] [--seed 1]
//
// It migrates the database, seeds the demo park (account.SeedDemo), adds
// extra enterprises with one staff account each, then writes the cases
// with batched multi-row INSERTs: parties, claims, a timeline, running and
// finished deadlines, and the agreement, judicial-confirmation or
// arbitration record the case's state implies, with the figures the
// dashboard counts (resolution, mediation result, amounts recovered, the
// enterprise's rating of a third of the closed cases), then counts the
// dashboard's rollup (arbitration.RebuildRollup). The cases spread over the
// past two years, both kinds, every state of the flow, and are handled by
// the demo mediator. Everything is marked demo. It refuses a database that
// already has cases: use a fresh one.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/db"
	"parkportal/migrations"
)

func main() {
	dbURL := flag.String("db", envOr("PORTAL_DATABASE_URL", db.DefaultURL), "database URL (PORTAL_DATABASE_URL)")
	cases := flag.Int("cases", 100000, "how many cases to write")
	enterprises := flag.Int("enterprises", 200, "extra enterprises besides the six demo ones")
	seed := flag.Int64("seed", 1, "random seed (same seed, same data)")
	batch := flag.Int("batch", 1000, "cases per INSERT batch (one transaction)")
	workers := flag.Int("workers", 2, "batches written at the same time")
	flag.Parse()
	if err := run(*dbURL, *cases, *enterprises, *seed, *batch, max(*workers, 1)); err != nil {
		fmt.Fprintln(os.Stderr, "loadseed:", err)
		os.Exit(1)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func run(url string, nCases, nEnterprises int, seed int64, batch, workers int) error {
	ctx := context.Background()
	start := time.Now()
	// Bulk statements and the rollup rebuild may run for minutes.
	d, err := db.Open(ctx, url, db.Options{ReadTimeout: time.Hour})
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := migrations.Migrate(ctx, d); err != nil {
		return err
	}
	n, err := d.NewSelect().Table("cases").Count(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("the database already has %d cases; seed a fresh one", n)
	}
	if _, err := account.NewService(d).SeedDemo(ctx); err != nil {
		return err
	}
	s := &seeder{db: d, now: time.Now().UTC(), seed: seed}
	if err := s.loadPark(ctx); err != nil {
		return err
	}
	if err := s.addEnterprises(ctx, nEnterprises); err != nil {
		return err
	}
	fmt.Printf("park: %d enterprises (%s)\n", len(s.enterprises), time.Since(start).Round(time.Millisecond))
	if err := s.addCases(ctx, nCases, batch, workers); err != nil {
		return err
	}
	// The dashboard's rollup, counted from the rows just written.
	if err := arbitration.RebuildRollup(ctx, d); err != nil {
		return err
	}
	fmt.Printf("dashboard rollup: %s\n", time.Since(start).Round(time.Millisecond))
	// Fresh statistics for the planner, and the visibility map that lets
	// the queues' counts answer from their indexes alone.
	vacuum := "ANALYZE"
	if db.IsPG(d) {
		vacuum = "VACUUM ANALYZE"
	}
	if _, err := d.ExecContext(ctx, vacuum); err != nil {
		return err
	}
	fmt.Printf("done: %d cases in %s\n", nCases, time.Since(start).Round(time.Millisecond))
	return nil
}
