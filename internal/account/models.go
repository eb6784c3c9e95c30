// Package account holds the organisation tree, enterprises, users, sessions
// and API tokens: who is who in the portal. Both domains take the Actor it
// produces; neither imports this package's storage.
package account

import (
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
)

// Organisation unit kinds: the county centre supervises park workstations.
const (
	KindCountyCentre = "county_centre"
	KindWorkstation  = "workstation"
)

// OrgUnit is a node of the organisation tree (county centre → workstation).
type OrgUnit struct {
	bun.BaseModel `bun:"table:org_units,alias:ou"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	ParentID  int64     `bun:"parent_id,nullzero" json:"parent_id,omitempty"`
	Kind      string    `bun:"kind" json:"kind"`
	Name      string    `bun:"name" json:"name"`
	Code      string    `bun:"code" json:"code"`
	Demo      bool      `bun:"demo" json:"demo"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
}

// Enterprise is a park enterprise, identified by its unified social credit
// code (stored normalised: upper case, no spaces).
type Enterprise struct {
	bun.BaseModel `bun:"table:enterprises,alias:e"`

	ID            int64     `bun:"id,pk,autoincrement" json:"id"`
	OrgUnitID     int64     `bun:"org_unit_id" json:"org_unit_id"`
	Name          string    `bun:"name" json:"name"`
	CreditCode    string    `bun:"credit_code" json:"credit_code"`
	Industry      string    `bun:"industry" json:"industry"`
	Zone          string    `bun:"zone" json:"zone"`
	Building      string    `bun:"building" json:"building"`
	Address       string    `bun:"address" json:"address"`
	ContactName   string    `bun:"contact_name" json:"contact_name"`
	ContactMobile string    `bun:"contact_mobile" json:"contact_mobile"`
	ContactEmail  string    `bun:"contact_email" json:"contact_email"`
	Employees     int       `bun:"employees" json:"headcount"`
	Demo          bool      `bun:"demo" json:"demo"`
	Version       int64     `bun:"version" json:"version"`
	CreatedAt     time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt     time.Time `bun:"updated_at" json:"updated_at"`
}

// User is a portal account with exactly one role.
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`

	ID                int64     `bun:"id,pk,autoincrement" json:"id"`
	Name              string    `bun:"name" json:"name"`
	Mobile            string    `bun:"mobile,nullzero" json:"mobile,omitempty"`
	Email             string    `bun:"email,nullzero" json:"email,omitempty"`
	PasswordHash      string    `bun:"password_hash" json:"-"`
	Role              auth.Role `bun:"role" json:"role"`
	OrgUnitID         int64     `bun:"org_unit_id,nullzero" json:"org_unit_id,omitempty"`
	EnterpriseID      int64     `bun:"enterprise_id,nullzero" json:"enterprise_id,omitempty"`
	Active            bool      `bun:"active" json:"active"`
	Demo              bool      `bun:"demo" json:"demo"`
	Version           int64     `bun:"version" json:"version"`
	PasswordChangedAt time.Time `bun:"password_changed_at" json:"-"`
	CreatedAt         time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt         time.Time `bun:"updated_at" json:"updated_at"`
}

// Actor returns the acting identity of u for the services.
func (u *User) Actor() auth.Actor {
	return auth.Actor{UserID: u.ID, Name: u.Name, Role: u.Role, OrgUnitID: u.OrgUnitID, EnterpriseID: u.EnterpriseID}
}

// Session is a signed-in browser. ID is the SHA-256 of the cookie value,
// so a database read does not hand out live cookies.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`

	ID        string    `bun:"id,pk"`
	UserID    int64     `bun:"user_id"`
	CSRFToken string    `bun:"csrf_token"`
	CreatedAt time.Time `bun:"created_at"`
	ExpiresAt time.Time `bun:"expires_at"`
	// Unread is the user's unread notifications, read with the session
	// (SessionUser) for the top bar of every page.
	Unread int `bun:"unread,scanonly"`
}

// APIToken lets an integration call /api/v1 as a user; only its hash is kept.
type APIToken struct {
	bun.BaseModel `bun:"table:api_tokens,alias:t"`

	ID         int64      `bun:"id,pk,autoincrement" json:"id"`
	UserID     int64      `bun:"user_id" json:"user_id"`
	Name       string     `bun:"name" json:"name"`
	TokenHash  string     `bun:"token_hash" json:"-"`
	CreatedBy  int64      `bun:"created_by" json:"created_by"`
	CreatedAt  time.Time  `bun:"created_at" json:"created_at"`
	LastUsedAt *time.Time `bun:"last_used_at" json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `bun:"revoked_at" json:"revoked_at,omitempty"`
}
