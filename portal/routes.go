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
	app.Get("/account/password", only(auth.Roles...), s.passwordShow)
	app.Post("/account/password", only(auth.Roles...), s.passwordSubmit)
	app.Get("/enterprises/:id", only(auth.Roles...), s.enterpriseShow)
	app.Get("/enterprises/:id/edit", only(auth.Roles...), s.enterpriseEdit)
	app.Post("/enterprises/:id", only(auth.Roles...), s.enterpriseUpdate)

	admin := app.Group("/admin", only(auth.Admin))
	admin.Get("/enterprises", s.adminEnterpriseList)
	admin.Get("/enterprises/new", s.adminEnterpriseNew)
	admin.Post("/enterprises", s.adminEnterpriseCreate)
	admin.Get("/users", s.adminUserList)
	admin.Get("/users/new", s.adminUserNew)
	admin.Post("/users", s.adminUserCreate)
	admin.Get("/users/:id/edit", s.adminUserEdit)
	admin.Post("/users/:id", s.adminUserUpdate)
	admin.Get("/layout", s.adminLayout)
	admin.Post("/layout", s.adminLayoutAdd)
	admin.Post("/layout/:id/remove", s.adminLayoutRemove)
	admin.Get("/holidays", s.adminHolidayList)
	admin.Post("/holidays", s.adminHolidayAdd)
	admin.Get("/tokens", s.adminTokenList)
	admin.Post("/tokens", s.adminTokenIssue)
	admin.Post("/tokens/:id/revoke", s.adminTokenRevoke)

	api := app.Group("/api/v1", s.limitJSON)
	api.Get("/openapi.json", s.apiOpenAPI)
	api.Get("/me", s.signedIn, s.apiMe)
	api.Get("/enterprises", only(auth.Roles...), s.apiEnterpriseList)
	api.Post("/enterprises", only(auth.Admin), s.apiEnterpriseCreate)
	api.Get("/enterprises/:id", only(auth.Roles...), s.apiEnterpriseGet)
	api.Put("/enterprises/:id", only(auth.Roles...), s.apiEnterpriseUpdate)
	api.Get("/users", only(auth.Admin), s.apiUserList)
	api.Post("/users", only(auth.Admin), s.apiUserCreate)
	api.Put("/users/:id", only(auth.Admin), s.apiUserUpdate)

	// --- cases (disputes) ---
	app.Get("/access", s.accessShow)
	app.Post("/access", s.accessSubmit)
	app.Post("/access/logout", s.accessLogout)
	app.Get("/cases", s.signedIn, s.casesList)
	app.Get("/cases/export.xlsx", only(auth.Roles...), caseExportXLSX(s))
	app.Get("/cases/export.csv", only(auth.Roles...), caseExportCSV(s))
	app.Get("/cases/new", only(auth.EnterpriseStaff, auth.IntakeOfficer, auth.Admin), s.caseNew)
	app.Post("/cases", only(auth.EnterpriseStaff, auth.IntakeOfficer, auth.Admin), s.caseSubmit)
	app.Get("/cases/:id", s.signedIn, s.caseShow)
	app.Post("/cases/:id/actions/:action", s.signedIn, s.caseMove)
	app.Post("/cases/:id/evidence", s.signedIn, s.caseEvidenceAdd)
	app.Post("/cases/:id/respond", s.signedIn, s.caseRespond)
	app.Get("/cases/:id/evidence/:eid", s.signedIn, s.caseEvidenceGet)
	app.Get("/cases/:id/agreement.pdf", s.signedIn, s.caseAgreementPDF)
	app.Get("/cases/:id/ruling.pdf", s.signedIn, s.caseRulingPDF)
	app.Get("/cases/:id/award.pdf", s.signedIn, s.caseAwardPDF)
	app.Post("/cases/:id/parties/:pid/code", only(auth.IntakeOfficer, auth.Mediator, auth.Admin), s.caseCodeReissue)
	app.Post("/cases/:id/parties/:pid/code/revoke", only(auth.IntakeOfficer, auth.Mediator, auth.Admin), s.caseCodeRevoke)
	api.Get("/flow", s.apiFlow)
	api.Get("/cases", s.signedIn, s.apiCaseList)
	api.Get("/cases/export.xlsx", only(auth.Roles...), caseExportXLSX(s))
	api.Get("/cases/export.csv", only(auth.Roles...), caseExportCSV(s))
	api.Post("/cases", only(auth.EnterpriseStaff, auth.IntakeOfficer, auth.Admin), s.apiCaseSubmit)
	api.Get("/cases/:id", s.signedIn, s.apiCaseGet)
	api.Post("/cases/:id/actions/:action", s.signedIn, s.apiCaseMove)
	api.Post("/cases/:id/evidence", s.signedIn, s.apiEvidenceAdd)
	api.Post("/cases/:id/respond", s.signedIn, s.apiCaseRespond)
	api.Get("/cases/:id/evidence/:eid", s.signedIn, s.caseEvidenceGet)
	api.Get("/cases/:id/agreement.pdf", s.signedIn, s.caseAgreementPDF)
	api.Get("/cases/:id/ruling.pdf", s.signedIn, s.caseRulingPDF)
	api.Get("/cases/:id/award.pdf", s.signedIn, s.caseAwardPDF)
	// --- end cases ---

	// --- escalation ---
	app.Post("/cases/:id/escalate", only(auth.Admin, auth.IntakeOfficer, auth.Mediator), s.caseEscalate)
	app.Post("/cases/:id/deescalate", only(auth.Supervisor), s.caseDeescalate)
	app.Post("/cases/:id/meetings", only(auth.Supervisor, auth.Admin), s.caseMeetingAdd)
	app.Post("/cases/:id/followups", only(auth.Admin, auth.IntakeOfficer, auth.Mediator), s.caseFollowUpAdd)
	app.Post("/cases/:id/ratings", only(auth.EnterpriseStaff, auth.Party), s.caseRatingAdd)
	app.Post("/cases/:id/window-ratings", only(auth.Admin), s.caseWindowRatingAdd)
	api.Get("/cases/:id/coordination", s.signedIn, s.apiCaseCoordination)
	api.Post("/cases/:id/escalate", only(auth.Admin, auth.IntakeOfficer, auth.Mediator), s.apiCaseEscalate)
	api.Post("/cases/:id/deescalate", only(auth.Supervisor), s.apiCaseDeescalate)
	api.Post("/cases/:id/meetings", only(auth.Supervisor, auth.Admin), s.apiCaseMeetingAdd)
	api.Post("/cases/:id/followups", only(auth.Admin, auth.IntakeOfficer, auth.Mediator), s.apiCaseFollowUpAdd)
	api.Post("/cases/:id/ratings", only(auth.EnterpriseStaff, auth.Party), s.apiCaseRatingAdd)
	api.Post("/cases/:id/window-ratings", only(auth.Admin), s.apiCaseWindowRatingAdd)
	// --- end escalation ---

	// --- calculator ---
	app.Get("/calc", only(calcRoles...), s.calcShow)
	app.Post("/calc/:kind", only(calcRoles...), s.calcSubmit)
	api.Get("/calc/wages", only(calcRoles...), s.apiCalcWages)
	api.Post("/calc/:kind", only(calcRoles...), s.apiCalc)
	// --- end calculator ---

	// --- notifications ---
	app.Get("/notifications", only(auth.Roles...), s.notificationList)
	app.Post("/notifications/read-all", only(auth.Roles...), s.notificationReadAll)
	app.Post("/notifications/:id/read", only(auth.Roles...), s.notificationRead)
	api.Get("/notifications", only(auth.Roles...), s.apiNotificationList)
	api.Get("/notifications/unread-count", only(auth.Roles...), s.apiNotificationUnread)
	api.Post("/notifications/read-all", only(auth.Roles...), s.apiNotificationReadAll)
	api.Post("/notifications/:id/read", only(auth.Roles...), s.apiNotificationRead)
	// --- end notifications ---

	// --- lectures ---
	// Order-style legal lectures; the service narrows each list and page to
	// the user's own orders. Fixed paths before /lectures/:id.
	app.Get("/lectures", only(auth.Roles...), s.lectureList)
	app.Get("/lectures/new", only(auth.EnterpriseStaff, auth.Admin), s.lectureNew)
	app.Post("/lectures", only(auth.EnterpriseStaff, auth.Admin), s.lectureCreate)
	app.Get("/lectures/:id", only(auth.Roles...), s.lectureShow)
	app.Post("/lectures/:id/:action", only(auth.Roles...), s.lectureAct)
	api.Get("/lecture-topics", only(auth.Roles...), s.apiLectureTopics)
	api.Get("/lectures", only(auth.Roles...), s.apiLectureList)
	api.Post("/lectures", only(auth.EnterpriseStaff, auth.Admin), s.apiLectureCreate)
	api.Get("/lectures/:id", only(auth.Roles...), s.apiLectureGet)
	api.Post("/lectures/:id/:action", only(auth.Roles...), s.apiLectureAct)
	// --- end lectures ---

	// --- dashboard ---
	app.Get("/dashboard", only(auth.Admin, auth.Supervisor), s.dashboardShow)
	app.Get("/dashboard/monthly.pdf", only(auth.Admin, auth.Supervisor), s.dashboardMonthlyPDF)
	app.Get("/map", only(auth.Admin, auth.Supervisor), s.situationMap)
	app.Get("/checkups/export/findings.xlsx", only(auth.Roles...), findingExportXLSX(s))
	app.Get("/checkups/export/findings.csv", only(auth.Roles...), findingExportCSV(s))
	app.Get("/checkups/export/rectifications.xlsx", only(auth.Roles...), rectificationExportXLSX(s))
	app.Get("/checkups/export/rectifications.csv", only(auth.Roles...), rectificationExportCSV(s))
	app.Post("/dashboard/prevent", only(auth.Admin), s.dashboardPrevent)
	api.Get("/dashboard", only(auth.Admin, auth.Supervisor), s.apiDashboard)
	// --- end dashboard ---

	// --- checkups ---
	// Pages. Fixed paths before /checkups/:id.
	app.Get("/checkups", s.signedIn, s.checkupList)
	app.Post("/checkups", s.signedIn, s.checkupCreate)
	app.Get("/checkups/new", s.signedIn, s.checkupNew)
	app.Get("/checkups/park", s.signedIn, s.checkupPark)
	app.Get("/checkups/items", s.signedIn, s.checkupItemList)
	app.Get("/checkups/items/:id", s.signedIn, s.checkupItemShow)
	app.Post("/checkups/items/:id/start", s.signedIn, s.checkupItemStart)
	app.Post("/checkups/items/:id/evidence", s.signedIn, s.checkupItemEvidence)
	app.Post("/checkups/items/:id/submit", s.signedIn, s.checkupItemSubmit)
	app.Post("/checkups/items/:id/verify", s.signedIn, s.checkupItemVerify)
	app.Post("/checkups/items/:id/send-back", s.signedIn, s.checkupItemSendBack)
	app.Get("/checkups/items/:id/evidence/:eid", s.signedIn, s.checkupEvidenceDownload)
	app.Get("/checkups/:id", s.signedIn, s.checkupShow)
	app.Get("/checkups/:id/answer", s.signedIn, s.checkupAnswerShow)
	app.Post("/checkups/:id/answer", s.signedIn, s.checkupAnswerSave)
	app.Get("/checkups/:id/review", s.signedIn, s.checkupReviewShow)
	app.Post("/checkups/:id/findings", s.signedIn, s.checkupFindingAdd)
	app.Post("/checkups/:id/findings/:fid/override", s.signedIn, s.checkupFindingOverride)
	app.Post("/checkups/:id/issue", s.signedIn, s.checkupIssue)
	app.Post("/checkups/:id/recheck", s.signedIn, s.checkupRecheck)
	app.Get("/checkups/:id/report", s.signedIn, s.checkupReportShow)
	app.Get("/checkups/:id/report.pdf", s.signedIn, s.checkupReportPDF)
	// API.
	api.Get("/checkups", s.signedIn, s.apiCheckupList)
	api.Post("/checkups", s.signedIn, s.apiCheckupStart)
	api.Get("/checkups/park", s.signedIn, s.apiCheckupPark)
	api.Get("/checkups/items", s.signedIn, s.apiCheckupItemList)
	api.Get("/checkups/items/:id", s.signedIn, s.apiCheckupItemGet)
	api.Post("/checkups/items/:id/start", s.signedIn, s.apiCheckupItemStart)
	api.Post("/checkups/items/:id/evidence", s.signedIn, s.apiCheckupItemEvidence)
	api.Post("/checkups/items/:id/submit", s.signedIn, s.apiCheckupItemSubmit)
	api.Post("/checkups/items/:id/verify", s.signedIn, s.apiCheckupItemVerify)
	api.Post("/checkups/items/:id/send-back", s.signedIn, s.apiCheckupItemSendBack)
	api.Get("/checkups/:id", s.signedIn, s.apiCheckupGet)
	api.Put("/checkups/:id/answers", s.signedIn, s.apiCheckupAnswers)
	api.Post("/checkups/:id/submit", s.signedIn, s.apiCheckupSubmit)
	api.Get("/checkups/:id/findings", s.signedIn, s.apiCheckupFindings)
	api.Post("/checkups/:id/findings", s.signedIn, s.apiCheckupFindingAdd)
	api.Post("/checkups/:id/findings/:fid/override", s.signedIn, s.apiCheckupOverride)
	api.Post("/checkups/:id/issue", s.signedIn, s.apiCheckupIssue)
	api.Post("/checkups/:id/recheck", s.signedIn, s.apiCheckupRecheck)
	api.Get("/checkups/:id/report.pdf", s.signedIn, s.checkupReportPDF)
	api.Get("/checkups/:id/rectifications", s.signedIn, s.apiCheckupRectifications)
	// --- end checkups ---

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}
