// Package dbtest gives each test a fresh, migrated database: an SQLite file
// in a temporary folder, or, when PORTAL_TEST_DATABASE_URL names a
// PostgreSQL server, a schema of its own there. When the URL is set and the
// server cannot be reached the test fails; it never skips.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/uptrace/bun"

	"parkportal/internal/db"
	"parkportal/migrations"
)

// EnvURL names the PostgreSQL database tests use when set.
const EnvURL = "PORTAL_TEST_DATABASE_URL"

// Dialect reports which database the tests run on: "pg" or "sqlite".
func Dialect() string {
	if os.Getenv(EnvURL) != "" {
		return "pg"
	}
	return "sqlite"
}

// Open returns a fresh migrated database, closed and dropped when t ends.
func Open(t testing.TB) *bun.DB {
	t.Helper()
	ctx := context.Background()
	url := os.Getenv(EnvURL)
	if url == "" {
		d, err := db.Open(ctx, "file:"+filepath.Join(t.TempDir(), "test.db"), db.Options{})
		if err != nil {
			t.Fatalf("dbtest: open sqlite: %v", err)
		}
		t.Cleanup(func() { d.Close() })
		migrate(t, d)
		return d
	}
	if !db.IsPostgres(url) {
		t.Fatalf("dbtest: %s must be a postgres:// URL, got another scheme", EnvURL)
	}
	schema := "t_" + randomHex(8)
	admin, err := db.Open(ctx, url, db.Options{})
	if err != nil {
		t.Fatalf("dbtest: cannot reach PostgreSQL at %s: %v", EnvURL, err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("dbtest: create schema: %v", err)
	}
	d, err := db.Open(ctx, url, db.Options{SearchPath: schema})
	if err != nil {
		t.Fatalf("dbtest: open schema: %v", err)
	}
	t.Cleanup(func() {
		d.Close()
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	migrate(t, d)
	return d
}

func migrate(t testing.TB, d *bun.DB) {
	t.Helper()
	if _, err := migrations.Migrate(context.Background(), d); err != nil {
		t.Fatalf("dbtest: migrate: %v", err)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// OpenPair returns two separate connections to one fresh migrated database,
// as two portal instances would have: the same SQLite file opened twice,
// or two pools on the same PostgreSQL schema. Both are closed (and the
// schema dropped) when t ends.
func OpenPair(t testing.TB) (*bun.DB, *bun.DB) {
	t.Helper()
	ctx := context.Background()
	url := os.Getenv(EnvURL)
	opt := db.Options{}
	if url == "" {
		url = "file:" + filepath.Join(t.TempDir(), "test.db")
	} else {
		if !db.IsPostgres(url) {
			t.Fatalf("dbtest: %s must be a postgres:// URL, got another scheme", EnvURL)
		}
		opt.SearchPath = "t_" + randomHex(8)
		admin, err := db.Open(ctx, url, db.Options{})
		if err != nil {
			t.Fatalf("dbtest: cannot reach PostgreSQL at %s: %v", EnvURL, err)
		}
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+opt.SearchPath); err != nil {
			admin.Close()
			t.Fatalf("dbtest: create schema: %v", err)
		}
		t.Cleanup(func() {
			admin.ExecContext(context.Background(), "DROP SCHEMA "+opt.SearchPath+" CASCADE")
			admin.Close()
		})
	}
	var pair [2]*bun.DB
	for i := range pair {
		d, err := db.Open(ctx, url, opt)
		if err != nil {
			t.Fatalf("dbtest: open connection %d: %v", i+1, err)
		}
		t.Cleanup(func() { d.Close() })
		pair[i] = d
	}
	migrate(t, pair[0])
	return pair[0], pair[1]
}
