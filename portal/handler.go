package portal

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/errs"
)

// idParam reads a numeric route parameter; anything else is NotFound.
func idParam(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.E(errs.NotFound, "error.not_found")
	}
	return id, nil
}

// bind decodes a form or JSON body into v; a malformed body is Invalid.
func bind(c *fiber.Ctx, v any) error {
	if err := c.BodyParser(v); err != nil {
		return bindError(err)
	}
	return nil
}

func bindError(err error) error {
	return &errs.Error{Kind: errs.Invalid, Key: "error.bad_body", Err: err}
}

// formError shows the form again with 422 and the messages when err is
// Invalid (or a Conflict on a versioned record); any other error goes to
// the error page.
func (s *Server) formError(c *fiber.Ctx, page string, v *View, err error) error {
	var e *errs.Error
	if !errors.As(err, &e) || (e.Kind != errs.Invalid && e.Kind != errs.Conflict) {
		return err
	}
	status, body := s.describe(c, err)
	v.Errors = body.Fields
	v.ErrorText = body.Message
	c.Status(status)
	return s.render(c, page, v)
}

// redirect answers a form post with 303 See Other.
func redirect(c *fiber.Ctx, to string) error { return c.Redirect(to, fiber.StatusSeeOther) }

func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// limitJSON bounds JSON bodies on the API (uploads have their own limit).
func (s *Server) limitJSON(c *fiber.Ctx) error {
	if len(c.Body()) > s.cfg.MaxJSONBytes && !isMultipart(c) {
		return fiber.ErrRequestEntityTooLarge
	}
	return c.Next()
}

func isMultipart(c *fiber.Ctx) bool {
	ct := string(c.Request().Header.ContentType())
	return len(ct) >= 19 && ct[:19] == "multipart/form-data"
}
