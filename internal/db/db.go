// Package db opens the portal's database: PostgreSQL through bun's pgdialect
// when the URL starts with postgres://, otherwise an embedded SQLite file
// through a pure-Go driver (no cgo).
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/pgdriver"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultURL is the embedded database used when nothing is configured.
const DefaultURL = "file:./data/portal.db"

// IsPostgres reports whether url names a PostgreSQL server.
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// Options tune Open; the zero value is fine.
type Options struct {
	// SearchPath sets the PostgreSQL schema search path (tests use a
	// schema of their own).
	SearchPath string
	// ReadTimeout is how long to wait for the server's answer to one
	// statement on PostgreSQL; zero keeps the driver's 10 s, a safety net
	// for requests. Migrations and bulk loads, whose statements may run for
	// minutes on a large database, set it long.
	ReadTimeout time.Duration
}

// Open connects to url and checks the connection answers.
func Open(ctx context.Context, url string, opt Options) (*bun.DB, error) {
	var db *bun.DB
	if IsPostgres(url) {
		conn := []pgdriver.Option{pgdriver.WithDSN(url)}
		if opt.SearchPath != "" {
			conn = append(conn, pgdriver.WithConnParams(map[string]any{"search_path": opt.SearchPath}))
		}
		if opt.ReadTimeout > 0 {
			conn = append(conn, pgdriver.WithReadTimeout(opt.ReadTimeout))
		}
		sqldb := sql.OpenDB(pgdriver.NewConnector(conn...))
		sqldb.SetMaxOpenConns(32)
		sqldb.SetMaxIdleConns(32)
		db = bun.NewDB(sqldb, pgdialect.New())
	} else {
		dsn, err := sqliteDSN(url)
		if err != nil {
			return nil, err
		}
		sqldb, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, fmt.Errorf("db: open sqlite: %w", err)
		}
		// One connection: SQLite allows one writer, and a single
		// connection keeps transactions from waiting on each other.
		sqldb.SetMaxOpenConns(1)
		db = bun.NewDB(sqldb, sqlitedialect.New())
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("db: ping: %w", err)
	}
	return db, nil
}

// sqliteDSN turns file:path (or a bare path) into a DSN with WAL, foreign
// keys and a busy timeout, creating the folder if needed.
func sqliteDSN(url string) (string, error) {
	path := strings.TrimPrefix(url, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if path == "" {
		return "", errors.New("db: empty sqlite path")
	}
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return "", fmt.Errorf("db: create folder: %w", err)
		}
	}
	return "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_txlock=immediate", nil
}

// IsPG reports whether db is PostgreSQL (for the few dialect differences:
// FOR UPDATE, advisory locks).
func IsPG(db bun.IDB) bool { return db.Dialect().Name() == dialect.PG }

// IsUniqueViolation recognises a unique-constraint failure by its error
// code on either database, never by message.
func IsUniqueViolation(err error) bool {
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return pgErr.Field('C') == "23505"
	}
	var sqliteErr *sqlite.Error
	if errors.As(err, &sqliteErr) {
		return sqliteErr.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || sqliteErr.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// IsForeignKeyViolation recognises a foreign-key failure by error code.
func IsForeignKeyViolation(err error) bool {
	var pgErr pgdriver.Error
	if errors.As(err, &pgErr) {
		return pgErr.Field('C') == "23503"
	}
	var sqliteErr *sqlite.Error
	if errors.As(err, &sqliteErr) {
		return sqliteErr.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return false
}
