package portal_test

import (
	"net/http"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// The case list writes its rows and filter options itself: every value is
// escaped, the chosen filters are selected, and the labels follow the
// language.
func TestCaseListPage(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	filing := labourJSON()
	filing["title"] = `<b>"欠薪" & 'A+B'</b>`
	if status, out := hr.api("POST", "/api/v1/cases", filing); status != http.StatusCreated {
		t.Fatalf("file: %d %v", status, out)
	}
	admin := e.client()
	admin.login(auth.Admin)
	_, page, _ := admin.get("/cases?state=intake&category=wage_arrears")
	for _, want := range []string{
		`<td data-label="纠纷概要">&lt;b&gt;&#34;欠薪&#34; &amp; &#39;A+B&#39;&lt;/b&gt;</td>`,
		`<option value="intake" selected>受理登记</option>`, `<option value="mediation" >调解中</option>`,
		`<option value="wage_arrears" selected>`, `<option value="payment" >`,
		`<td data-label="请求金额" class="num">¥25,500.00</td>`, `<td data-label="最近期限">—</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("list page lacks %s", want)
		}
	}
	if strings.Contains(page, "<b>") || strings.Contains(page, `value="other" >`+"其他</option><option") {
		t.Error("list page has an unescaped title or the category other twice")
	}
	_, empty, _ := admin.get("/cases?state=closed")
	if !strings.Contains(empty, `<td colspan="7" class="empty">`) {
		t.Error("an empty list says so")
	}
}
