package arbitration

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"golang.org/x/crypto/argon2"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/limit"
)

// Access codes let a party without an account (a worker, an outside
// company) follow one case on a phone, add evidence and confirm the
// agreement. A code is shown once, stored only as a slow hash, limited in
// tries and revocable.

// codeAlphabet leaves out 0/O, 1/I/L so a code can be read over the phone.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// codeGroups is how many groups of four characters a new code has: twelve
// characters from 31, about 59 bits ("K7MQ-4HXP-9RTA"). The first codes
// had two groups (40 bits) and a slower hash; they still work.
const codeGroups = 3

// Argon2id cost of new code hashes: 1 MiB, one pass (about 1 ms of CPU).
// Against offline guessing from a stolen hash this is stronger than the
// first scheme (8 MiB for a 40-bit code): 31⁴ ≈ 920,000 times more codes
// to try at an eighth of the memory and time each (docs/cases.md).
const (
	codeHashMemoryKiB = 1024
	codeHashTime      = 1
)

// legacyCodeHashMemoryKiB is the cost of the first hashes, stored as
// "salt$key" without their parameters.
const legacyCodeHashMemoryKiB = 8 * 1024

// Access-code attempt limits: per case number and per address.
const (
	codeTriesPerCase    = 10
	codeTriesPerAddress = 30
	codeWindow          = 15 * time.Minute
)

// newAccessCode returns a code like "K7MQ-4HXP-9RTA", every character
// equally likely.
func newAccessCode() string {
	const n = 4 * codeGroups
	const fair = 256 - 256%len(codeAlphabet) // bytes past this would favour the first letters
	out := make([]byte, 0, n+codeGroups-1)
	b := make([]byte, 2*n)
	for len(out) < cap(out) {
		if _, err := rand.Read(b); err != nil {
			panic(err)
		}
		for _, x := range b {
			if int(x) >= fair || len(out) == cap(out) {
				continue
			}
			if len(out)%5 == 4 {
				out = append(out, '-')
			}
			out = append(out, codeAlphabet[int(x)%len(codeAlphabet)])
		}
	}
	return string(out)
}

// normaliseCode accepts lower case, spaces and missing dashes, for codes
// of three groups and for the first codes of two.
func normaliseCode(code string) string {
	code = strings.ToUpper(strings.NewReplacer(" ", "", "-", "", "　", "").Replace(code))
	if len(code) != 8 && len(code) != 12 {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(code[i : i+4])
	}
	return b.String()
}

// hashCode hashes an access code with argon2id and a random salt, in the
// PHC string format, which names its parameters.
func hashCode(code string) string {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		panic(err)
	}
	key := argon2.IDKey([]byte(code), salt, codeHashTime, codeHashMemoryKiB, 1, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=1$%s$%s", argon2.Version, codeHashMemoryKiB, codeHashTime,
		enc.EncodeToString(salt), enc.EncodeToString(key))
}

// codeMatches checks a code against a stored hash: the PHC format, or the
// first "salt$key" hashes, which only two-group codes can match.
func codeMatches(hash, code string) bool {
	var memory, passes uint32
	var salt64, key64 string
	if rest, ok := strings.CutPrefix(hash, "$argon2id$"); ok {
		parts := strings.Split(rest, "$")
		if len(parts) != 4 || parts[0] != fmt.Sprintf("v=%d", argon2.Version) {
			return false
		}
		var threads uint8
		if _, err := fmt.Sscanf(parts[1], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil || threads != 1 {
			return false
		}
		salt64, key64 = parts[2], parts[3]
	} else {
		var ok bool
		if salt64, key64, ok = strings.Cut(hash, "$"); !ok || len(code) != len("XXXX-XXXX") {
			return false
		}
		memory, passes = legacyCodeHashMemoryKiB, 1
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(salt64)
	want, err2 := enc.DecodeString(key64)
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(code), salt, passes, memory, 1, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// IssuedCode is an access code shown once to the person who registered it.
type IssuedCode struct {
	PartyID int64
	Name    string
	Code    string
}

// newCode gives p a fresh code (replacing any earlier one) and returns it;
// the caller stores p. Hashing takes a millisecond of CPU: a filing does
// it before its transaction.
func (s *Service) newCode(p *Party) string {
	code := newAccessCode()
	p.AccessCodeHash, p.AccessCodeIssuedAt, p.AccessCodeRevokedAt = hashCode(code), s.now(), time.Time{}
	return code
}

// issueCode gives a stored party a fresh code (revoking any earlier one)
// within tx.
func (s *Service) issueCode(ctx context.Context, tx bun.IDB, p *Party) (IssuedCode, error) {
	code := s.newCode(p)
	_, err := tx.NewUpdate().Model(p).Column("access_code_hash", "access_code_issued_at", "access_code_revoked_at").WherePK().Exec(ctx)
	if err != nil {
		return IssuedCode{}, errs.Wrap(err, "store access code")
	}
	return IssuedCode{PartyID: p.ID, Name: p.Name, Code: code}, nil
}

// ReissueCode gives a party a new access code (the old one stops working)
// and returns it once. Staff of the case's workstation may do this.
func (s *Service) ReissueCode(ctx context.Context, a auth.Actor, caseID, partyID int64) (IssuedCode, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return IssuedCode{}, err
	}
	if !isWorkstationStaff(a, c) {
		return IssuedCode{}, errs.E(errs.Forbidden, "error.forbidden")
	}
	var out IssuedCode
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p := new(Party)
		if err := tx.NewSelect().Model(p).Where("id = ? AND case_id = ? AND kind = 'person'", partyID, caseID).Scan(ctx); err != nil {
			return notFound(err, "get party")
		}
		if out, err = s.issueCode(ctx, tx, p); err != nil {
			return err
		}
		return s.event(ctx, tx, c, a, "reissue_code", c.State, c.State, p.Name)
	})
	return out, err
}

// RevokeCode stops a party's access code and ends its sessions.
func (s *Service) RevokeCode(ctx context.Context, a auth.Actor, caseID, partyID int64) error {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return err
	}
	if !isWorkstationStaff(a, c) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model((*Party)(nil)).Set("access_code_revoked_at = ?", s.now()).
			Where("id = ? AND case_id = ? AND access_code_hash <> '' AND access_code_revoked_at IS NULL", partyID, caseID).Exec(ctx)
		if err != nil {
			return errs.Wrap(err, "revoke code")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.E(errs.NotFound, "case.no_code")
		}
		if _, err := tx.NewDelete().Table("party_sessions").Where("party_id = ?", partyID).Exec(ctx); err != nil {
			return errs.Wrap(err, "end party sessions")
		}
		return s.event(ctx, tx, c, a, "revoke_code", c.State, c.State, "")
	})
}

// PartySession is an access-code sign-in.
type PartySession struct {
	bun.BaseModel `bun:"table:party_sessions,alias:ps"`

	ID        string    `bun:"id,pk"`
	CaseID    int64     `bun:"case_id"`
	PartyID   int64     `bun:"party_id"`
	CSRFToken string    `bun:"csrf_token"`
	CreatedAt time.Time `bun:"created_at"`
	ExpiresAt time.Time `bun:"expires_at"`
}

// AccessLogin opens a party session for case number + access code. Tries
// are limited per case and per address; a wrong code says nothing about
// whether the case exists.
func (s *Service) AccessLogin(ctx context.Context, number, code, addr string) (string, *PartySession, error) {
	number = strings.ToUpper(strings.TrimSpace(number))
	code = normaliseCode(code)
	if number == "" || code == "" {
		return "", nil, &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: []errs.FieldError{{Field: "number", Code: "required"}, {Field: "code", Code: "required"}}}
	}
	lim := &limit.Limiter{DB: s.DB, Now: s.Now, Window: codeWindow}
	caseKey, addrKey := limit.Key("case", number), limit.Key("code-addr", addr)
	if err := lim.Check(ctx, caseKey, codeTriesPerCase, "access.too_many"); err != nil {
		return "", nil, err
	}
	if err := lim.Check(ctx, addrKey, codeTriesPerAddress, "access.too_many"); err != nil {
		return "", nil, err
	}
	var parties []Party
	err := s.DB.NewSelect().Model(&parties).Join("JOIN cases AS c ON c.id = p.case_id").
		Where("c.number = ? AND p.access_code_hash <> '' AND p.access_code_revoked_at IS NULL", number).Scan(ctx)
	if err != nil {
		return "", nil, errs.Wrap(err, "find parties")
	}
	for i := range parties {
		if codeMatches(parties[i].AccessCodeHash, code) {
			if err := lim.Clear(ctx, caseKey); err != nil {
				return "", nil, err
			}
			return s.openPartySession(ctx, &parties[i])
		}
	}
	if err := lim.Fail(ctx, caseKey, addrKey); err != nil {
		return "", nil, err
	}
	return "", nil, errs.E(errs.Unauthenticated, "access.failed")
}

func (s *Service) openPartySession(ctx context.Context, p *Party) (string, *PartySession, error) {
	token := randomToken()
	now := s.now()
	ps := &PartySession{ID: hashToken(token), CaseID: p.CaseID, PartyID: p.ID, CSRFToken: randomToken(), CreatedAt: now, ExpiresAt: now.Add(s.PartySessionTTL)}
	if _, err := s.DB.NewInsert().Model(ps).Exec(ctx); err != nil {
		return "", nil, errs.Wrap(err, "open party session")
	}
	_, err := s.DB.NewDelete().Model((*PartySession)(nil)).Where("expires_at < ?", now).Exec(ctx)
	return token, ps, errs.Wrap(err, "prune party sessions")
}

// PartyActor returns the actor behind a party-session cookie.
func (s *Service) PartyActor(ctx context.Context, token string) (auth.Actor, *PartySession, error) {
	ps := new(PartySession)
	err := s.DB.NewSelect().Model(ps).Where("id = ? AND expires_at > ?", hashToken(token), s.now()).Scan(ctx)
	if err != nil {
		return auth.Actor{}, nil, errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	p := new(Party)
	if err := s.DB.NewSelect().Model(p).Where("id = ? AND access_code_revoked_at IS NULL", ps.PartyID).Scan(ctx); err != nil {
		return auth.Actor{}, nil, errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	return auth.Actor{Name: p.Name, Role: auth.Party, CaseID: p.CaseID, PartyID: p.ID}, ps, nil
}

// PartyLogout ends a party session.
func (s *Service) PartyLogout(ctx context.Context, token string) error {
	_, err := s.DB.NewDelete().Model((*PartySession)(nil)).Where("id = ?", hashToken(token)).Exec(ctx)
	return errs.Wrap(err, "end party session")
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}
