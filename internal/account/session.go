package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
	"parkportal/internal/limit"
)

// dummyHash is checked when no account matches, so a wrong identifier
// takes as long as a wrong password.
var dummyHash, _ = HashPassword("not a password", DefaultHashParams)

// Login checks identifier (mobile or e-mail) and password and opens a
// session. Failures are counted per account and per address; past the
// limit every try is refused with TooMany until the window passes, whether
// or not the password is right.
func (s *Service) Login(ctx context.Context, identifier, password, addr string) (token string, sess *Session, user *User, err error) {
	identifier = strings.ToLower(strings.TrimSpace(identifier))
	if identifier == "" || password == "" {
		return "", nil, nil, &errs.Error{Kind: errs.Invalid, Key: "login.missing", Fields: []errs.FieldError{{Field: "identifier", Code: "required"}, {Field: "password", Code: "required"}}}
	}
	lim := s.limiter()
	acctKey, addrKey := limit.Key("acct", identifier), limit.Key("addr", addr)
	if err := lim.Check(ctx, acctKey, s.Limits.PerAccount, "login.too_many"); err != nil {
		return "", nil, nil, err
	}
	if err := lim.Check(ctx, addrKey, s.Limits.PerAddress, "login.too_many"); err != nil {
		return "", nil, nil, err
	}
	user = new(User)
	err = s.DB.NewSelect().Model(user).Where("lower(email) = ? OR mobile = ?", identifier, identifier).Limit(1).Scan(ctx)
	hash := dummyHash
	if err == nil {
		hash = user.PasswordHash
	}
	ok, herr := CheckPassword(hash, password)
	if herr != nil {
		return "", nil, nil, errs.Wrap(herr, "check password")
	}
	if err != nil || !ok || !user.Active {
		if ferr := lim.Fail(ctx, acctKey, addrKey); ferr != nil {
			return "", nil, nil, ferr
		}
		return "", nil, nil, errs.E(errs.Unauthenticated, "login.failed")
	}
	token, sess, err = s.openSession(ctx, user.ID)
	if err != nil {
		return "", nil, nil, err
	}
	// A success clears the account's failures; the address keeps its count.
	if err := lim.Clear(ctx, acctKey); err != nil {
		return "", nil, nil, err
	}
	return token, sess, user, nil
}

// limiter counts failed sign-ins per account and per address.
func (s *Service) limiter() *limit.Limiter {
	return &limit.Limiter{DB: s.DB, Now: s.Now, Window: s.Limits.Window}
}

func (s *Service) openSession(ctx context.Context, userID int64) (string, *Session, error) {
	token := randomToken()
	now := s.now()
	sess := &Session{ID: hashKey(token), UserID: userID, CSRFToken: randomToken(), CreatedAt: now, ExpiresAt: now.Add(s.SessionTTL)}
	if _, err := s.DB.NewInsert().Model(sess).Exec(ctx); err != nil {
		return "", nil, errs.Wrap(err, "insert session")
	}
	if _, err := s.DB.NewDelete().Model((*Session)(nil)).Where("expires_at < ?", now).Exec(ctx); err != nil {
		return "", nil, errs.Wrap(err, "prune sessions")
	}
	return token, sess, nil
}

// SessionUser returns the session and user behind a session cookie value,
// with the user's unread notifications for the top bar (Session.Unread):
// one prepared statement on every signed-in request (sessionQuery).
// Unknown, expired or deactivated → Unauthenticated.
func (s *Service) SessionUser(ctx context.Context, token string) (*Session, *User, error) {
	if token == "" {
		return nil, nil, errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	row := new(sessionUser)
	if err := s.session.Scan(ctx, row, hashKey(token), s.now()); err != nil {
		return nil, nil, unauthenticated(err)
	}
	return &row.Session, &row.User, nil
}

// sessionUser is a row of sessionQuery.
type sessionUser struct {
	User    `bun:",extend"`
	Session Session `bun:"s,embed:s_"`
}

// sessionQuery reads a live session (by the hash of its cookie value, not
// expired at the second argument) with its active user and the user's
// unread notifications.
func sessionQuery(d *bun.DB) *db.Stmt {
	return db.NewStmt(d, d.NewSelect().Model((*User)(nil)).ColumnExpr("?TableColumns").
		ColumnExpr("s.id AS s_id, s.user_id AS s_user_id, s.csrf_token AS s_csrf_token, s.created_at AS s_created_at, s.expires_at AS s_expires_at").
		ColumnExpr("(SELECT count(*) FROM notifications AS n WHERE n.user_id = u.id AND n.read_at IS NULL) AS s_unread").
		Join("JOIN sessions AS s ON s.user_id = u.id").
		Where("s.id = ? AND s.expires_at > ? AND u.active", bun.Safe("?"), bun.Safe("?")).String())
}

func unauthenticated(err error) error {
	if errs.Is(notFound(err, "", ""), errs.NotFound) {
		return errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	return errs.Wrap(err, "load session")
}

// Logout ends the session behind token.
func (s *Service) Logout(ctx context.Context, token string) error {
	_, err := s.DB.NewDelete().Model((*Session)(nil)).Where("id = ?", hashKey(token)).Exec(ctx)
	return errs.Wrap(err, "delete session")
}

// PasswordChange is the form for changing one's own password.
type PasswordChange struct {
	Current string `form:"current" json:"current" validate:"required"`
	New     string `form:"new" json:"new" validate:"required,min=8,max=128"`
	Confirm string `form:"confirm" json:"confirm" validate:"required,eqfield=New"`
}

// ChangePassword replaces the actor's password after checking the current
// one, and ends every other session of the account.
func (s *Service) ChangePassword(ctx context.Context, actor auth.Actor, keepSession string, in PasswordChange) error {
	if err := validate(in); err != nil {
		return err
	}
	user, err := s.User(ctx, actor, actor.UserID)
	if err != nil {
		return err
	}
	ok, err := CheckPassword(user.PasswordHash, in.Current)
	if err != nil {
		return errs.Wrap(err, "check password")
	}
	if !ok {
		return errs.Field("current", "password.wrong")
	}
	hash, err := HashPassword(in.New, s.Hash)
	if err != nil {
		return errs.Wrap(err, "hash password")
	}
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		now := s.now()
		res, err := tx.NewUpdate().Model((*User)(nil)).
			Set("password_hash = ?", hash).Set("password_changed_at = ?", now).
			Set("updated_at = ?", now).Set("version = version + 1").
			Where("id = ? AND version = ?", user.ID, user.Version).Exec(ctx)
		if err := oneRow(res, err, "update password"); err != nil {
			return err
		}
		_, err = tx.NewDelete().Model((*Session)(nil)).Where("user_id = ? AND id <> ?", user.ID, hashKey(keepSession)).Exec(ctx)
		return errs.Wrap(err, "end other sessions")
	})
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's randomness failing is not recoverable
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
