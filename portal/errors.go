package portal

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// statusOf is the one table from error kind to HTTP status.
var statusOf = map[errs.Kind]int{
	errs.Invalid:         fiber.StatusUnprocessableEntity,
	errs.Unauthenticated: fiber.StatusUnauthorized,
	errs.Forbidden:       fiber.StatusForbidden,
	errs.NotFound:        fiber.StatusNotFound,
	errs.Conflict:        fiber.StatusConflict,
	errs.TooMany:         fiber.StatusTooManyRequests,
	errs.Internal:        fiber.StatusInternalServerError,
}

// kindOfStatus maps Fiber's own errors (unknown route, body too large,
// bad JSON) back onto our kinds.
func kindOfStatus(status int) errs.Kind {
	switch {
	case status == fiber.StatusNotFound:
		return errs.NotFound
	case status == fiber.StatusForbidden:
		return errs.Forbidden
	case status == fiber.StatusUnauthorized:
		return errs.Unauthenticated
	case status == fiber.StatusTooManyRequests:
		return errs.TooMany
	case status >= 400 && status < 500:
		return errs.Invalid
	}
	return errs.Internal
}

// apiError is the JSON error body: {"error": {"code", "message", "fields"}}.
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// describe turns any error into status, kind, message and field messages
// in the user's language. Internal errors are logged here, once.
func (s *Server) describe(c *fiber.Ctx, err error) (int, apiError) {
	l := langOf(c)
	var fe *fiber.Error
	if errors.As(err, &fe) {
		kind := kindOfStatus(fe.Code)
		key := "error." + string(kind)
		if fe.Code == fiber.StatusRequestEntityTooLarge {
			key = "error.too_large"
		}
		return fe.Code, apiError{Code: string(kind), Message: T(l, key)}
	}
	var e *errs.Error
	if !errors.As(err, &e) {
		e = &errs.Error{Kind: errs.Internal, Key: "error.internal", Err: err}
	}
	if e.Kind == errs.Internal {
		s.log.ErrorContext(c.UserContext(), "internal error", "method", c.Method(), "route", c.Route().Path, "err", e.Err)
	}
	key := e.Key
	if key == "" || !Has(key) {
		key = "error." + string(e.Kind)
	}
	out := apiError{Code: string(e.Kind), Message: T(l, key, e.Args...)}
	if len(e.Fields) > 0 {
		out.Fields = fieldMessages(l, e.Fields)
	}
	return statusOf[e.Kind], out
}

// fieldMessages translates field errors, naming each field by its label.
func fieldMessages(l string, fields []errs.FieldError) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		label := fieldLabel(l, f.Field)
		msg := valid.Message(f, l, label)
		if msg == "" {
			if Has(f.Code) {
				msg = label + T(l, "field.sep") + T(l, f.Code, f.Args...)
			} else {
				msg = label + T(l, "field.sep") + T(l, "validate."+f.Code)
			}
		}
		if _, seen := out[f.Field]; !seen {
			out[f.Field] = msg
		}
	}
	return out
}

// fieldLabel finds the catalog label of a field: "field.credit_code",
// and for nested ones like "employees[1].id_number" the last part's label
// after the position ("第2项").
func fieldLabel(l, field string) string {
	name := field
	prefix := ""
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		name = field[i+1:]
		prefix = field[:i] + " "
	}
	if Has("field." + name) {
		return prefix + T(l, "field."+name)
	}
	return field
}

// errorHandler is Fiber's last resort: API requests get JSON, pages get the
// error page (401 on a page becomes a redirect to the login page).
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	status, body := s.describe(c, err)
	if isAPI(c) {
		return c.Status(status).JSON(fiber.Map{"error": body})
	}
	if status == fiber.StatusUnauthorized {
		return c.Redirect("/login?next="+url.QueryEscape(safeNext(c.OriginalURL())), fiber.StatusSeeOther)
	}
	v := s.view(c, "error.title")
	v.Data = body
	v.Status = status
	c.Status(status)
	if rerr := c.Render("pages/error", v, "layouts/base"); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		return c.Status(status).SendString(body.Message)
	}
	return nil
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

// logAttrs keeps request logs free of personal data: method, route
// pattern, status and duration only, never the query string or body.
func logAttrs(c *fiber.Ctx) []any {
	return []any{"method", c.Method(), "route", c.Route().Path, "status", c.Response().StatusCode()}
}
