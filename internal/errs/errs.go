// Package errs holds the one set of error kinds every service returns. The
// portal maps each kind to an HTTP status in one table (portal/errors.go), so
// internal details never reach users: only Internal errors are logged in
// detail, every other kind carries a message key the portal translates.
package errs

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the user; see portal/errors.go for statuses.
type Kind string

// The error kinds.
const (
	Invalid         Kind = "invalid"           // bad input, with field messages (422)
	Unauthenticated Kind = "unauthenticated"   // no or expired session (401)
	Forbidden       Kind = "forbidden"         // the actor may not do this (403)
	NotFound        Kind = "not_found"         // no such record, or not visible to the actor (404)
	Conflict        Kind = "conflict"          // someone else changed it first, or duplicate (409)
	TooMany         Kind = "too_many_requests" // rate limit reached (429)
	Internal        Kind = "internal"          // anything unexpected (500)
)

// FieldError is one problem with one input field. Code is a validator tag
// ("required", "uscc") or a message key ("case.too_late"); Detail keeps the
// validator's own error so it can be translated with its templates.
type FieldError struct {
	Field  string
	Code   string
	Param  string
	Args   []any
	Detail any
}

// Error is an error of a known kind. Key is a message key in the portal's
// catalogs; Args fill its placeholders. Err is the cause, for logs only.
type Error struct {
	Kind   Kind
	Key    string
	Args   []any
	Fields []FieldError
	Err    error
}

func (e *Error) Error() string {
	msg := string(e.Kind)
	if e.Key != "" {
		msg += ": " + e.Key
	}
	for _, f := range e.Fields {
		msg += fmt.Sprintf(" [%s:%s]", f.Field, f.Code)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// E builds an error of kind k with message key key.
func E(k Kind, key string, args ...any) *Error { return &Error{Kind: k, Key: key, Args: args} }

// Field builds an Invalid error for a single field with a message key.
func Field(field, code string, args ...any) *Error {
	return &Error{Kind: Invalid, Key: "error.invalid", Fields: []FieldError{{Field: field, Code: code, Args: args}}}
}

// Wrap marks an unexpected error as Internal, keeping it for the log.
func Wrap(err error, context string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Kind: Internal, Key: "error.internal", Err: fmt.Errorf("%s: %w", context, err)}
}

// KindOf reports the kind of err; errors of no known kind are Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Is reports whether err is of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }
