package migrations_test

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"testing"

	"parkportal/internal/dbtest"
	"parkportal/migrations"
)

// TestFoldersMatch fails when the PostgreSQL and SQLite folders drift.
func TestFoldersMatch(t *testing.T) {
	pg, err := fs.Glob(migrations.Files, "postgres/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	lite, err := fs.Glob(migrations.Files, "sqlite/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(pg) == 0 {
		t.Fatal("no migrations found")
	}
	base := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			out = append(out, path.Base(p))
		}
		return out
	}
	if !slices.Equal(base(pg), base(lite)) {
		t.Fatalf("migration folders drift:\npostgres: %v\nsqlite:   %v", base(pg), base(lite))
	}
}

// TestMigrateTwice applies the migrations to a fresh database, then again:
// the second run must find nothing to do.
func TestMigrateTwice(t *testing.T) {
	d := dbtest.Open(t)
	names, err := migrations.Migrate(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 0 {
		t.Fatalf("second migrate applied %v", names)
	}
	var n int
	if err := d.NewSelect().TableExpr("users").ColumnExpr("count(*)").Scan(context.Background(), &n); err != nil {
		t.Fatalf("users table missing after migrate: %v", err)
	}
}
