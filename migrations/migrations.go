// Package migrations embeds the SQL migrations, one folder per dialect with
// identical file names (a test fails when the folders drift), and applies
// them with bun/migrate, marking each applied only when it succeeded.
package migrations

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Files holds both folders.
//
//go:embed postgres/*.sql sqlite/*.sql
var Files embed.FS

// Folder returns the migrations folder of the database's dialect.
func Folder(db *bun.DB) (fs.FS, error) {
	switch db.Dialect().Name() {
	case dialect.PG:
		return fs.Sub(Files, "postgres")
	case dialect.SQLite:
		return fs.Sub(Files, "sqlite")
	}
	return nil, fmt.Errorf("migrations: unsupported dialect %s", db.Dialect().Name())
}

// Migrate applies every pending migration and returns the names applied.
func Migrate(ctx context.Context, db *bun.DB) ([]string, error) {
	folder, err := Folder(db)
	if err != nil {
		return nil, err
	}
	ms := migrate.NewMigrations()
	if err := ms.Discover(folder); err != nil {
		return nil, fmt.Errorf("migrations: discover: %w", err)
	}
	m := migrate.NewMigrator(db, ms, migrate.WithMarkAppliedOnSuccess(true))
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrations: init: %w", err)
	}
	group, err := m.Migrate(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: migrate: %w", err)
	}
	var names []string
	for _, mg := range group.Migrations {
		names = append(names, mg.Name)
	}
	return names, nil
}
