package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
	"parkportal/internal/valid"
)

// scenarioNames are the scenarios, in the order they run by default.
var scenarioNames = []string{"ceiling", "case", "queue-state", "queue-due", "intake-contract", "intake-labour"}

// session is one signed-in virtual user: its cookie and CSRF token.
type session struct {
	cookie string
	csrf   string
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// login signs in like a browser: the sign-in form sets the CSRF cookie and
// carries the token; the answer sets the session cookie. Then the home
// page gives the session's CSRF token (the logout form carries it).
func login(client *http.Client, base, identifier, password string) (*session, error) {
	res, err := client.Get(base + "/login")
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfField.FindSubmatch(body)
	if m == nil {
		return nil, fmt.Errorf("GET /login: no _csrf field (status %d)", res.StatusCode)
	}
	form := url.Values{"identifier": {identifier}, "password": {password}, "_csrf": {string(m[1])}, "next": {"/"}}
	req, _ := http.NewRequest("POST", base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range res.Cookies() {
		req.AddCookie(c)
	}
	res, err = client.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	s := &session{}
	for _, c := range res.Cookies() {
		if c.Name == "pp_session" && c.Value != "" {
			s.cookie = c.Name + "=" + c.Value
		}
	}
	if s.cookie == "" {
		return nil, fmt.Errorf("POST /login as %s: status %d, no session cookie", identifier, res.StatusCode)
	}
	status, body, err := s.get(client, base+"/")
	if err != nil || status != 200 {
		return nil, fmt.Errorf("GET / after sign-in: status %d: %v", status, err)
	}
	if m = csrfField.FindSubmatch(body); m == nil {
		return nil, fmt.Errorf("GET /: no _csrf field")
	}
	s.csrf = string(m[1])
	return s, nil
}

// get sends a GET with the session cookie and reads the whole answer.
func (s *session) get(client *http.Client, u string) (int, []byte, error) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Cookie", s.cookie)
	res, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, body, err
}

// fetch sends a request with the session and discards the answer (read to
// the end, so the connection is reused).
func (s *session) fetch(client *http.Client, method, u string, body []byte) (int, error) {
	req, _ := http.NewRequest(method, u, bytes.NewReader(body))
	req.Header.Set("Cookie", s.cookie)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", s.csrf)
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, nil
}

// sessions signs in n virtual users with one account.
func sessions(client *http.Client, o options, identifier string) ([]*session, error) {
	out := make([]*session, o.concurrency)
	for i := range out {
		s, err := login(client, o.base, identifier, o.password)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// prepare builds a scenario: signs in its users and finds what it needs.
func prepare(client *http.Client, o options, name string) (*scenario, error) {
	switch name {
	case "ceiling":
		return ceiling(client)
	case "case", "queue-state", "queue-due":
		users, err := sessions(client, o, o.staff)
		if err != nil {
			return nil, err
		}
		switch name {
		case "queue-state":
			return &scenario{name: "queue: state=mediation", do: func(i int, _ int64) (int, error) {
				return users[i].fetch(client, "GET", o.base+"/cases?state=mediation", nil)
			}}, nil
		case "queue-due":
			return &scenario{name: "queue: due=soon", do: func(i int, _ int64) (int, error) {
				return users[i].fetch(client, "GET", o.base+"/cases?due=soon", nil)
			}}, nil
		}
		ids, err := caseIDs(client, o, users[0])
		if err != nil {
			return nil, err
		}
		return &scenario{name: "case page", do: func(i int, _ int64) (int, error) {
			return users[i].fetch(client, "GET", fmt.Sprintf("%s/cases/%d", o.base, ids[rand.IntN(len(ids))]), nil)
		}}, nil
	case "dashboard-admin", "dashboard-admin-period", "dashboard-supervisor", "dashboard-supervisor-period":
		return dashboard(client, o, name)
	case "intake-contract", "intake-labour":
		users, err := sessions(client, o, o.filer)
		if err != nil {
			return nil, err
		}
		kind := strings.TrimPrefix(name, "intake-")
		return &scenario{name: "intake: " + kind, do: func(i int, seq int64) (int, error) {
			return users[i].fetch(client, "POST", o.base+"/api/v1/cases", submission(kind, seq))
		}}, nil
	}
	return nil, fmt.Errorf("unknown scenario (known: %s, dashboard)", strings.Join(scenarioNames, ", "))
}

// dashboardScenarios are what the "dashboard" scenario runs: the JSON
// dashboard as the workstation's admin and as the supervisor (every
// workstation), for the default period (the year to date) and for a random
// period of whole days.
var dashboardScenarios = []string{"dashboard-admin", "dashboard-admin-period", "dashboard-supervisor", "dashboard-supervisor-period"}

// dashboard builds one of the dashboardScenarios.
func dashboard(client *http.Client, o options, name string) (*scenario, error) {
	account := o.staff
	if strings.HasPrefix(name, "dashboard-supervisor") {
		account = o.supervisor
	}
	users, err := sessions(client, o, account)
	if err != nil {
		return nil, err
	}
	period := strings.HasSuffix(name, "-period")
	title := strings.Replace(strings.TrimPrefix(name, "dashboard-"), "-period", ", period", 1)
	return &scenario{name: "dashboard: " + title, do: func(i int, _ int64) (int, error) {
		u := o.base + "/api/v1/dashboard"
		if period {
			// From and to anywhere in the seeded two years, to at least a day after from.
			today := time.Now()
			from := today.AddDate(0, 0, -1-rand.IntN(729))
			to := from.AddDate(0, 0, 1+rand.IntN(int(today.Sub(from).Hours()/24)))
			u += "?from=" + from.Format("2006-01-02") + "&to=" + to.Format("2006-01-02")
		}
		return users[i].fetch(client, "GET", u, nil)
	}}, nil
}

// caseIDs reads random pages of the case list to pick ids the user sees.
func caseIDs(client *http.Client, o options, s *session) ([]int64, error) {
	type page struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
		Total int `json:"total"`
	}
	var ids []int64
	pages := 1
	for n := 0; n < o.samplePages; n++ {
		status, body, err := s.get(client, fmt.Sprintf("%s/api/v1/cases?per_page=100&page=%d", o.base, 1+rand.IntN(pages)))
		if err != nil || status != 200 {
			return nil, fmt.Errorf("case list: status %d: %v", status, err)
		}
		var p page
		if err := json.Unmarshal(body, &p); err != nil {
			return nil, err
		}
		pages = max(1, p.Total/100)
		for _, it := range p.Items {
			ids = append(ids, it.ID)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("the user sees no cases: seed with cmd/loadseed")
	}
	return ids, nil
}

// submission is an intake filing. A contract dispute against another park
// enterprise issues no access code; a labour dispute issues one per
// employee (an argon2id hash each).
func submission(kind string, seq int64) []byte {
	var v map[string]any
	if kind == "contract" {
		v = map[string]any{"kind": "contract", "title": "零部件货款逾期未付（压测）", "categories": []string{"payment"},
			"facts": "我司按合同交付零部件并经验收，对方逾期90日未支付货款。", "counterparty_name": "青山新材料科技有限公司",
			"counterparty_code": account.DemoCreditCode(1), "contract_number": fmt.Sprintf("LT-%d", seq), "contract_date": "2026-03-15",
			"contract_value": "186000", "claims": []map[string]any{{"category": "payment", "description": "货款及逾期付款利息", "amount": "186000"}}}
	} else {
		first17 := fmt.Sprintf("3307811990%02d%02d%03d", 1+seq%12, 1+seq%28, seq%1000)
		v = map[string]any{"kind": "labour", "title": "拖欠工资（压测）", "categories": []string{"wage_arrears"},
			"facts": "公司近两个月未按时足额发放工资，员工多次反映未果。", "job": "装配工", "employment_start": "2024-04-01", "monthly_wage": "7800",
			"employees": []map[string]any{{"name": "李明", "id_number": first17 + string(valid.IDCheckDigit(first17)), "mobile": fmt.Sprintf("139%08d", seq%100000000)}},
			"claims":    []map[string]any{{"category": "wage_arrears", "description": "拖欠工资", "amount": "7800", "employee": 1}}}
	}
	b, _ := json.Marshal(v)
	return b
}

// ceiling starts a bare Fiber app on a free loopback port: the most any
// Fiber handler can do on this machine with this client.
func ceiling(client *http.Client) (*scenario, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	go app.Listener(ln)
	u := "http://" + ln.Addr().String() + "/"
	anon := &session{}
	return &scenario{name: "bare Fiber (ceiling)", stop: func() { app.Shutdown() },
		do: func(int, int64) (int, error) { return anon.fetch(client, "GET", u, nil) }}, nil
}
