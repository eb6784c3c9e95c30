// Package portal is the HTTP side of the portal: the Fiber app, every route
// (routes.go), middleware, one handler file per noun_verb, the error →
// status table, view models and the zh/en catalogs. Handlers parse, call one
// service method with the acting user, and render or redirect.
package portal

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/lecture"
	"parkportal/templates"
)

// Config holds the HTTP settings; cmd/portal fills it from flags and the
// environment.
type Config struct {
	// MaxBodyBytes bounds any request body (uploads included).
	MaxBodyBytes int
	// MaxJSONBytes bounds JSON API bodies.
	MaxJSONBytes int
	// Demo shows the demo-data banner on every page.
	Demo bool
	// TrustProxy honours X-Forwarded-Proto / X-Forwarded-For from a
	// reverse proxy (needed for Secure cookies behind TLS termination).
	TrustProxy bool
	// Version is shown in /healthz.
	Version string
}

// Services are the domain services the handlers call.
type Services struct {
	DB       *bun.DB
	Accounts *account.Service
	Cases    *arbitration.Service
	Notify   *notify.Service // inbox and e-mail; nil shows no unread count
	Checkups *checkup.Service
	Lectures *lecture.Service // order-style legal lectures
}

// Server wires the services to Fiber.
type Server struct {
	cfg Config
	svc Services
	log *slog.Logger
	app *fiber.App
	now func() time.Time
}

// New builds the Fiber app with every route registered.
func New(cfg Config, svc Services, log *slog.Logger) (*Server, error) {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 21 << 20
	}
	if cfg.MaxJSONBytes == 0 {
		cfg.MaxJSONBytes = 1 << 20
	}
	engine, err := newViews(templates.FS, templateFuncs)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, svc: svc, log: log, now: func() time.Time { return time.Now().UTC() }}
	fcfg := fiber.Config{
		Views:                 engine,
		BodyLimit:             cfg.MaxBodyBytes,
		ErrorHandler:          s.errorHandler,
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
	}
	if cfg.TrustProxy {
		fcfg.EnableTrustedProxyCheck = false
		fcfg.ProxyHeader = fiber.HeaderXForwardedFor
	}
	s.app = fiber.New(fcfg)
	s.routes()
	return s, nil
}

// App returns the Fiber app (for Listen and for tests' app.Test).
func (s *Server) App() *fiber.App { return s.app }
