package portal

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"parkportal/internal/auth"
	"parkportal/templates"
)

// routes registers every route of the portal, pages and API.
func (s *Server) routes() {
	app := s.app
	app.Use(recover.New())
	app.Use(s.logRequests, s.securityHeaders)
	app.Use("/static", filesystem.New(filesystem.Config{Root: http.FS(templates.FS), PathPrefix: "static", MaxAge: 3600}))
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)

	app.Use(s.identify, s.checkCSRF)
	app.Get("/lang/:code", s.langSwitch)
	app.Get("/login", s.loginShow)
	app.Post("/login", s.loginSubmit)
	app.Post("/logout", s.logout)

	app.Get("/", s.signedIn, s.homeShow)
	app.Get("/account/password", s.signedIn, s.passwordShow)
	app.Post("/account/password", s.signedIn, s.passwordSubmit)
	app.Get("/enterprises/:id", s.signedIn, s.enterpriseShow)
	app.Get("/enterprises/:id/edit", s.signedIn, s.enterpriseEdit)
	app.Post("/enterprises/:id", s.signedIn, s.enterpriseUpdate)

	admin := app.Group("/admin", only(auth.Admin))
	admin.Get("/enterprises", s.adminEnterpriseList)
	admin.Get("/enterprises/new", s.adminEnterpriseNew)
	admin.Post("/enterprises", s.adminEnterpriseCreate)
	admin.Get("/users", s.adminUserList)
	admin.Get("/users/new", s.adminUserNew)
	admin.Post("/users", s.adminUserCreate)
	admin.Get("/users/:id/edit", s.adminUserEdit)
	admin.Post("/users/:id", s.adminUserUpdate)
	admin.Get("/tokens", s.adminTokenList)
	admin.Post("/tokens", s.adminTokenIssue)
	admin.Post("/tokens/:id/revoke", s.adminTokenRevoke)

	api := app.Group("/api/v1", s.limitJSON)
	api.Get("/openapi.json", s.apiOpenAPI)
	api.Get("/me", s.signedIn, s.apiMe)
	api.Get("/enterprises", s.signedIn, s.apiEnterpriseList)
	api.Post("/enterprises", only(auth.Admin), s.apiEnterpriseCreate)
	api.Get("/enterprises/:id", s.signedIn, s.apiEnterpriseGet)
	api.Put("/enterprises/:id", s.signedIn, s.apiEnterpriseUpdate)
	api.Get("/users", only(auth.Admin), s.apiUserList)
	api.Post("/users", only(auth.Admin), s.apiUserCreate)
	api.Put("/users/:id", only(auth.Admin), s.apiUserUpdate)

	// --- cases (disputes) ---
	// --- end cases ---

	// --- checkups ---
	// --- end checkups ---

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}
