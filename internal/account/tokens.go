package account

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// TokenPrefix starts every API token, so a leaked one is easy to spot.
const TokenPrefix = "ppt_"

// IssueToken creates an API token for a user the admin manages and returns
// it in clear once; only its hash is stored.
func (s *Service) IssueToken(ctx context.Context, a auth.Actor, userID int64, name string) (string, *APIToken, error) {
	if !a.Is(auth.Admin, auth.Supervisor) {
		return "", nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 50 {
		return "", nil, errs.Field("name", "required")
	}
	if _, err := s.User(ctx, a, userID); err != nil {
		return "", nil, errs.Field("user_id", "user.not_found")
	}
	token := TokenPrefix + randomToken()
	t := &APIToken{UserID: userID, Name: name, TokenHash: hashKey(token), CreatedBy: a.UserID, CreatedAt: s.now()}
	if _, err := s.DB.NewInsert().Model(t).Returning("id").Exec(ctx); err != nil {
		return "", nil, errs.Wrap(err, "insert token")
	}
	return token, t, nil
}

// Tokens lists the tokens of the users the admin manages.
func (s *Service) Tokens(ctx context.Context, a auth.Actor) ([]APIToken, error) {
	users, err := s.Users(ctx, a)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	var list []APIToken
	if len(ids) == 0 {
		return list, nil
	}
	err = s.DB.NewSelect().Model(&list).Where("user_id IN (?)", bun.In(ids)).OrderExpr("id DESC").Scan(ctx)
	return list, errs.Wrap(err, "list tokens")
}

// RevokeToken stops a token from working.
func (s *Service) RevokeToken(ctx context.Context, a auth.Actor, id int64) error {
	t := new(APIToken)
	if err := s.DB.NewSelect().Model(t).Where("id = ?", id).Scan(ctx); err != nil {
		return notFound(err, "error.not_found", "get token")
	}
	if _, err := s.User(ctx, a, t.UserID); err != nil || !a.Is(auth.Admin, auth.Supervisor) {
		return errs.E(errs.NotFound, "error.not_found")
	}
	res, err := s.DB.NewUpdate().Model((*APIToken)(nil)).Set("revoked_at = ?", s.now()).
		Where("id = ? AND revoked_at IS NULL", id).Exec(ctx)
	return oneRow(res, err, "revoke token")
}

// TokenUser returns the active user behind a bearer token.
func (s *Service) TokenUser(ctx context.Context, token string) (*User, error) {
	if !strings.HasPrefix(token, TokenPrefix) {
		return nil, errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	t := new(APIToken)
	if err := s.DB.NewSelect().Model(t).Where("token_hash = ? AND revoked_at IS NULL", hashKey(token)).Scan(ctx); err != nil {
		return nil, unauthenticated(err)
	}
	u := new(User)
	if err := s.DB.NewSelect().Model(u).Where("id = ? AND active", t.UserID).Scan(ctx); err != nil {
		return nil, unauthenticated(err)
	}
	return u, nil
}
