package portal

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// This file holds what the checkup pages share: the View helpers (named
// Ck…, for checkup) the templates call to name statuses, levels and severities, and small
// request helpers. User-visible words come from the catalogs
// (i18n/*/checkup.json); questionnaire texts are bilingual in the data.

func init() {
	// The upload store's field messages, provided here without claiming
	// the keys in a catalog file (another feature may define them too;
	// a key already present keeps its catalog text).
	AddMessages(map[string][2]string{
		"upload.empty":     {"文件是空的", "the file is empty"},
		"upload.too_large": {"文件超过 {0} MB", "the file is larger than {0} MB"},
		"upload.bad_type":  {"只接受 PDF、图片或 Office 文件", "only PDF, image or Office files are accepted"},
	})
}

// CkText shows a bilingual questionnaire text in the page's language.
func (v *View) CkText(t checkup.Text) string { return t.In(v.Lang) }

// CkStatus names a checkup status.
func (v *View) CkStatus(s checkup.Status) string { return v.T("checkup.status." + string(s)) }

// CkItemStatus names a rectification item status.
func (v *View) CkItemStatus(s checkup.ItemStatus) string { return v.T("checkup.item." + string(s)) }

// CkSeverity names a severity (高风险 …).
func (v *View) CkSeverity(s checkup.Severity) string { return checkup.SeverityName(s, v.Lang) }

// CkSeverityClass is the badge colour class of a severity.
func (v *View) CkSeverityClass(s checkup.Severity) string {
	return map[checkup.Severity]string{checkup.High: "red", checkup.Medium: "amber", checkup.Low: "green"}[s]
}

// CkLevel names an overall level (红色 …); empty for a draft.
func (v *View) CkLevel(l checkup.Level) string {
	if l == "" {
		return ""
	}
	return checkup.LevelName(l, v.Lang)
}

// CkBasis writes a finding's legal source: 《劳动合同法》第十条（2008-01-01起施行）.
func (v *View) CkBasis(b checkup.Basis) string { return checkup.BasisText(b, v.Lang) }

// CkDue says when a report finding must be put right.
func (v *View) CkDue(f checkup.ReportFinding) string { return checkup.DueText(f, v.Lang) }

// CkDate shows a stored civil date (a due date) without a zone shift.
func (v *View) CkDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	if v.Lang == "zh" {
		return t.Format("2006年1月2日")
	}
	return t.Format("2 Jan 2006")
}

// CkEvent describes an audit trail line: the action, and for state
// changes the before and after ("高风险 · 30天 → 已不予认定").
func (v *View) CkEvent(ev checkup.Event) string {
	out := v.T("checkup.event." + ev.Action)
	from, to := v.ckEventValue(ev.FromValue), v.ckEventValue(ev.ToValue)
	switch {
	case from != "" && to != "":
		out += "：" + from + " → " + to
	case to != "" && ev.Action == checkup.ActFindingAdded:
		out += "：" + to
	}
	if v.Lang != "zh" {
		out = strings.Replace(out, "：", ": ", 1)
	}
	return out
}

// ckEventValue reads "high:30", "dismissed:30", "submitted" or "in_progress".
func (v *View) ckEventValue(s string) string {
	state, days, isFinding := strings.Cut(s, ":")
	switch {
	case s == "":
		return ""
	case isFinding && state == checkup.Dismiss:
		return v.T("checkup.dismissed")
	case isFinding:
		return checkup.SeverityName(checkup.Severity(state), v.Lang) + " · " + v.T("checkup.days", days)
	}
	for _, st := range checkup.Statuses {
		if string(st) == s {
			return v.CkStatus(st)
		}
	}
	return v.CkItemStatus(checkup.ItemStatus(s))
}

// CkWith pairs the view with a value, so a shared template block can
// translate (.V.T …) while showing the value (.X).
func (v *View) CkWith(x any) ckWith { return ckWith{V: v, X: x} }

type ckWith struct {
	V *View
	X any
}

// ckVersion reads the version a form or query sent.
func ckVersion(c *fiber.Ctx, field string) int64 {
	n, _ := strconv.ParseInt(c.FormValue(field), 10, 64)
	return n
}

// ckPostForm copies every url-encoded form field (fasthttp reuses its
// buffers after the handler returns).
func ckPostForm(c *fiber.Ctx) map[string][]string {
	out := map[string][]string{}
	c.Request().PostArgs().VisitAll(func(k, val []byte) {
		key := string(k)
		out[key] = append(out[key], string(val))
	})
	return out
}

// ckFiles opens the files of a multipart field; the caller closes them.
func ckFiles(c *fiber.Ctx, field string) ([]checkup.NamedFile, func(), error) {
	closeAll := func() {}
	if !isMultipart(c) {
		return nil, closeAll, nil
	}
	form, err := c.MultipartForm()
	if err != nil {
		return nil, closeAll, bindError(err)
	}
	var files []checkup.NamedFile
	var closers []func() error
	closeAll = func() {
		for _, f := range closers {
			f()
		}
	}
	for _, fh := range form.File[field] {
		if fh.Size == 0 && fh.Filename == "" {
			continue
		}
		r, err := fh.Open()
		if err != nil {
			closeAll()
			return nil, func() {}, bindError(err)
		}
		closers = append(closers, r.Close)
		files = append(files, checkup.NamedFile{Name: fh.Filename, Reader: r})
	}
	return files, closeAll, nil
}

// ckNoFile stands for "no file chosen": the service checks access first,
// then the upload store refuses it as empty.
func ckNoFile() []checkup.NamedFile { return []checkup.NamedFile{{Reader: strings.NewReader("")}} }

// ckSendPDF answers with a PDF shown in the browser.
func ckSendPDF(c *fiber.Ctx, pdf []byte, name string) error {
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="`+name+`"`)
	return c.Send(pdf)
}

// ckPath is the page of a checkup.
func ckPath(id int64, suffix string) string { return "/checkups/" + itoa(id) + suffix }
