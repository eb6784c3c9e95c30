package db

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/uptrace/bun"
)

// Stmt is a query every request runs (the session, the case row, the
// work queues' pages and counts), sent as a prepared statement on
// PostgreSQL: bun sends a query as text with its arguments written in,
// which PostgreSQL parses and plans on every call — for a primary-key
// lookup or a page of a queue that is most of its cost. Prepared,
// it is parsed once per connection of the pool (database/sql prepares
// it on each connection as it is first used there) and its plan is
// cached. On SQLite the query runs through bun as usual.
//
// The query uses ? for its arguments, as with bun, and no ? otherwise; it
// names its columns (no *), so a column added later by a migration does
// not change the prepared statement's result.
type Stmt struct {
	db    *bun.DB
	query string

	mu   sync.Mutex               // one preparation at a time
	stmt atomic.Pointer[sql.Stmt] // PostgreSQL only, once prepared
}

// NewStmt returns the statement; it is prepared on its first use.
func NewStmt(db *bun.DB, query string) *Stmt { return &Stmt{db: db, query: query} }

// Scan runs the query with args and scans its first row into dest like
// bun's Scan (a model struct, columns by name); no row → sql.ErrNoRows.
func (s *Stmt) Scan(ctx context.Context, dest any, args ...any) error {
	if !IsPG(s.db) {
		return s.db.NewRaw(s.query, args...).Scan(ctx, dest)
	}
	rows, err := s.rows(ctx, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := s.db.ScanRow(ctx, rows, dest); err != nil {
		return err
	}
	return rows.Close()
}

// ScanAll runs the query with args and scans every row into dest, a
// pointer to a slice of model structs, like bun's Scan.
func (s *Stmt) ScanAll(ctx context.Context, dest any, args ...any) error {
	if !IsPG(s.db) {
		return s.db.NewRaw(s.query, args...).Scan(ctx, dest)
	}
	rows, err := s.rows(ctx, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	return s.db.ScanRows(ctx, rows, dest) // closes rows, reports rows.Err
}

// rows runs the prepared statement with args.
func (s *Stmt) rows(ctx context.Context, args []any) (*sql.Rows, error) {
	stmt, err := s.prepared(ctx)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
}

// prepared prepares the statement on first use (again after a failure).
func (s *Stmt) prepared(ctx context.Context) (*sql.Stmt, error) {
	if stmt := s.stmt.Load(); stmt != nil {
		return stmt, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if stmt := s.stmt.Load(); stmt != nil {
		return stmt, nil
	}
	stmt, err := s.db.DB.PrepareContext(ctx, numbered(s.query))
	if err != nil {
		return nil, err
	}
	s.stmt.Store(stmt)
	return stmt, nil
}

// numbered turns ? placeholders into PostgreSQL's $1, $2...
func numbered(query string) string {
	var b strings.Builder
	n := 0
	for _, part := range strings.SplitAfter(query, "?") {
		if strings.HasSuffix(part, "?") {
			n++
			part = part[:len(part)-1] + "$" + strconv.Itoa(n)
		}
		b.WriteString(part)
	}
	return b.String()
}
