package portal

import (
	"fmt"
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/auth"
	"parkportal/internal/money"
)

// Shanghai is the zone every date is shown in (China has no daylight
// saving, so a fixed offset needs no tz database).
var Shanghai = time.FixedZone("CST", 8*3600)

// View is what every page template receives.
type View struct {
	Lang      string
	TitleKey  string
	Actor     auth.Actor
	CSRF      string
	Demo      bool
	Path      string
	Status    int
	Flash     string
	Unread    int               // unread notifications, shown in the top bar (accounts only)
	Errors    map[string]string // field → message, on a form shown again
	ErrorText string            // form-level message
	Form      any               // the values the user entered
	Data      any
	Body      template.HTML // the rendered page, for the layout (set by views.Render only)
}

// T translates a key in the page's language.
func (v *View) T(key string, args ...any) string { return T(v.Lang, key, args...) }

// Title is the page title in the page's language.
func (v *View) Title() string { return v.T(v.TitleKey) }

// SignedIn reports whether someone is signed in.
func (v *View) SignedIn() bool { return !v.Actor.Anonymous() }

// RoleName is the actor's role in the page's language.
func (v *View) RoleName() string { return v.T("role." + string(v.Actor.Role)) }

// Err returns the message for one field, if any.
func (v *View) Err(field string) string { return v.Errors[field] }

// Date formats t as a date in Asia/Shanghai.
func (v *View) Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	if v.Lang == "zh" {
		return t.In(Shanghai).Format("2006年1月2日")
	}
	return t.In(Shanghai).Format("2 Jan 2006")
}

// DateTime formats t as date and time in Asia/Shanghai.
func (v *View) DateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(Shanghai).Format("2006-01-02 15:04")
}

// Yuan formats an amount in fen as yuan with two decimals and separators.
func (v *View) Yuan(fen int64) string { return money.Format(fen) }

var templateFuncs = template.FuncMap{
	"eq2":  func(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) },
	"add":  func(a, b int) int { return a + b },
	"sub":  func(a, b int) int { return a - b },
	"list": func(xs ...string) []string { return xs },
	"kb":   func(n int64) float64 { return float64(n) / 1024 },
}

// view builds the View for the current request.
func (s *Server) view(c *fiber.Ctx, titleKey string) *View {
	return &View{
		Lang:     langOf(c),
		TitleKey: titleKey,
		Actor:    actorOf(c),
		CSRF:     csrfOf(c),
		Demo:     s.cfg.Demo,
		Path:     c.Path(),
		Flash:    takeFlash(c),
		Unread:   s.unread(c),
	}
}

// unread is the signed-in account's unread notifications for the top bar,
// read with the session (identify). Parties signed in with an access code
// and bearer-token callers have no count.
func (s *Server) unread(c *fiber.Ctx) int {
	if s.svc.Notify == nil {
		return 0
	}
	n, _ := c.Locals("unread").(int)
	return n
}

// render shows a page inside the base layout.
func (s *Server) render(c *fiber.Ctx, page string, v *View) error {
	return c.Render("pages/"+page, v, "layouts/base")
}
