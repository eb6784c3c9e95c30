package db

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"
)

// InTx runs fn in one transaction: committed when fn returns nil, rolled
// back otherwise. Every state change in the services goes through it.
func InTx(ctx context.Context, db *bun.DB, fn func(ctx context.Context, tx bun.Tx) error) error {
	return db.RunInTx(ctx, &sql.TxOptions{}, fn)
}
