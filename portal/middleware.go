package portal

import (
	"crypto/subtle"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Cookie names.
const (
	sessionCookie = "pp_session"
	partyCookie   = "pp_party"
	csrfCookie    = "pp_csrf"
	langCookie    = "pp_lang"
	flashCookie   = "pp_flash"
)

// securityHeaders sets the headers every response carries. No inline
// scripts or styles, no framing, no third-party origins.
func (s *Server) securityHeaders(c *fiber.Ctx) error {
	h := &c.Response().Header
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")
	if c.Protocol() == "https" {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	return c.Next()
}

// logRequests logs each request without personal data (see logAttrs).
func (s *Server) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := s.app.ErrorHandler(c, err); herr != nil {
			return herr
		}
	}
	if s.log.Enabled(c.UserContext(), slog.LevelInfo) { // skip building the attributes at warn
		s.log.Info("request", append(logAttrs(c), "ms", time.Since(start).Milliseconds())...)
	}
	return nil
}

// identify puts the acting user in the context: from a bearer token on the
// API, else from the session cookie. Nobody signed in → anonymous actor.
func (s *Server) identify(c *fiber.Ctx) error {
	ctx := c.UserContext()
	if authz := c.Get(fiber.HeaderAuthorization); isAPI(c) && strings.HasPrefix(authz, "Bearer ") {
		u, err := s.svc.Accounts.TokenUser(ctx, strings.TrimPrefix(authz, "Bearer "))
		if err != nil {
			return err
		}
		c.Locals("actor", u.Actor())
		c.Locals("bearer", true)
		return c.Next()
	}
	if token := c.Cookies(sessionCookie); token != "" {
		sess, u, err := s.svc.Accounts.SessionUser(ctx, token)
		switch {
		case err == nil:
			c.Locals("actor", u.Actor())
			c.Locals("csrf", sess.CSRFToken)
			c.Locals("session", strings.Clone(token))
			c.Locals("unread", sess.Unread)
		case errs.Is(err, errs.Unauthenticated):
			c.ClearCookie(sessionCookie)
		default:
			return err
		}
	}
	if token := c.Cookies(partyCookie); token != "" && c.Locals("actor") == nil {
		a, ps, err := s.svc.Cases.PartyActor(ctx, token)
		switch {
		case err == nil:
			c.Locals("actor", a)
			c.Locals("csrf", ps.CSRFToken)
			c.Locals("party_session", strings.Clone(token))
		case errs.Is(err, errs.Unauthenticated):
			c.ClearCookie(partyCookie)
		default:
			return err
		}
	}
	if c.Locals("csrf") == nil {
		tok := c.Cookies(csrfCookie)
		if len(tok) < 32 {
			tok = newToken()
			s.setCookie(c, csrfCookie, tok, 0)
		}
		c.Locals("csrf", strings.Clone(tok))
	}
	return c.Next()
}

// checkCSRF refuses state-changing requests whose token does not match the
// session's (or, before sign-in, the CSRF cookie's). Bearer-token API calls
// carry no cookies and need none.
func (s *Server) checkCSRF(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	if c.Locals("bearer") == true {
		return c.Next()
	}
	want := csrfOf(c)
	got := c.Get("X-CSRF-Token")
	if got == "" {
		got = c.FormValue("_csrf")
	}
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		return errs.E(errs.Forbidden, "error.csrf")
	}
	return c.Next()
}

// signedIn requires a signed-in user.
func (s *Server) signedIn(c *fiber.Ctx) error {
	if actorOf(c).Anonymous() {
		return errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	return c.Next()
}

// only admits the given roles (the services check again, in detail).
func only(roles ...auth.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a := actorOf(c)
		if a.Anonymous() {
			return errs.E(errs.Unauthenticated, "error.unauthenticated")
		}
		if !a.Is(roles...) {
			return errs.E(errs.Forbidden, "error.forbidden")
		}
		return c.Next()
	}
}

func actorOf(c *fiber.Ctx) auth.Actor {
	a, _ := c.Locals("actor").(auth.Actor)
	return a
}

func csrfOf(c *fiber.Ctx) string {
	t, _ := c.Locals("csrf").(string)
	return t
}

// langOf is the request's language: ?lang= switch, cookie, then zh.
func langOf(c *fiber.Ctx) string {
	if l, ok := c.Locals("lang").(string); ok {
		return l
	}
	l := lang(c.Cookies(langCookie, Languages[0]))
	c.Locals("lang", l)
	return l
}

func (s *Server) setCookie(c *fiber.Ctx, name, value string, maxAge time.Duration) {
	ck := &fiber.Cookie{Name: name, Value: value, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Secure: c.Protocol() == "https"}
	if maxAge > 0 {
		ck.Expires = time.Now().Add(maxAge)
	}
	c.Cookie(ck)
}

// setFlash leaves a one-time message key for the next page.
func (s *Server) setFlash(c *fiber.Ctx, key string) { s.setCookie(c, flashCookie, key, time.Minute) }

func takeFlash(c *fiber.Ctx) string {
	key := c.Cookies(flashCookie)
	if key == "" || !Has(key) {
		return ""
	}
	c.ClearCookie(flashCookie)
	return T(langOf(c), key)
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return u.RequestURI()
}
