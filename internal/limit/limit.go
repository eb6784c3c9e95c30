// Package limit counts failed attempts (sign-ins, access codes) in the
// database, so every portal instance sharing it sees the same counts. Keys
// are stored hashed: no identifier or address is kept in clear.
package limit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/errs"
)

type attempt struct {
	bun.BaseModel `bun:"table:login_attempts"`

	ID      int64     `bun:"id,pk,autoincrement"`
	KeyHash string    `bun:"key_hash"`
	At      time.Time `bun:"at"`
}

// Limiter allows at most a given number of failures per key in Window.
type Limiter struct {
	DB     bun.IDB
	Now    func() time.Time
	Window time.Duration
}

// Key hashes a kind and a value into a stored key, e.g. Key("acct", mobile).
func Key(kind, value string) string {
	sum := sha256.Sum256([]byte(kind + ":" + value))
	return hex.EncodeToString(sum[:])
}

// Check returns TooMany (with the window in minutes as the message
// argument) when key has max or more failures in the window.
func (l *Limiter) Check(ctx context.Context, key string, max int, msgKey string) error {
	n, err := l.DB.NewSelect().Model((*attempt)(nil)).
		Where("key_hash = ? AND at > ?", key, l.Now().UTC().Add(-l.Window)).Count(ctx)
	if err != nil {
		return errs.Wrap(err, "count attempts")
	}
	if int(n) >= max {
		return errs.E(errs.TooMany, msgKey, int(l.Window.Minutes()))
	}
	return nil
}

// Fail records one failure under each key and prunes old ones.
func (l *Limiter) Fail(ctx context.Context, keys ...string) error {
	now := l.Now().UTC()
	rows := make([]attempt, len(keys))
	for i, k := range keys {
		rows[i] = attempt{KeyHash: k, At: now}
	}
	if _, err := l.DB.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return errs.Wrap(err, "record attempt")
	}
	_, err := l.DB.NewDelete().Model((*attempt)(nil)).Where("at < ?", now.Add(-24*l.Window)).Exec(ctx)
	return errs.Wrap(err, "prune attempts")
}

// Clear forgets the failures of key (after a success).
func (l *Limiter) Clear(ctx context.Context, key string) error {
	_, err := l.DB.NewDelete().Model((*attempt)(nil)).Where("key_hash = ?", key).Exec(ctx)
	return errs.Wrap(err, "clear attempts")
}
