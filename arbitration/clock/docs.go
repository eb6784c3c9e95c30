package clock

import (
	"fmt"
	"strings"
)

// RulesMarkdown renders the rule registry as the Markdown of docs/clocks.md,
// so the document can never drift from rules.yaml (a test compares them; run
// the tests with UPDATE_DOCS=1 to rewrite the file).
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# Statutory clocks\n\n")
	b.WriteString("Generated from `arbitration/clock/rules.yaml` by `clock.RulesMarkdown`; do not edit by hand.\n")
	b.WriteString("Regenerate with `UPDATE_DOCS=1 go test ./arbitration/clock/`.\n\n")
	b.WriteString("Counting: the start day is not counted; a last day that is a statutory holiday or a rest day\n")
	b.WriteString("moves to the next working day (CPL art. 85; Civil Code arts. 201–203). Shifted working days\n")
	b.WriteString("(调休) are working days. Holidays come from `arbitration/clock/holidays.yaml` (2025, 2026) plus\n")
	b.WriteString("dates an administrator adds. \"before\" rules give the latest day to act and never roll.\n\n")
	b.WriteString("| id | name | length | unit | direction | from | citation | in force from | to verify |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	for _, r := range Rules() {
		dir := string(r.Direction)
		if r.Extends != "" {
			dir += ", extends `" + r.Extends + "`"
		}
		if !r.ExcludeStartDay {
			dir += ", start day counted"
		}
		if r.Direction == After && !r.RollForward {
			dir += ", no roll-forward"
		}
		fmt.Fprintf(&b, "| `%s` | %s<br>%s | %d | %s | %s | %s | %s<br>%s | %s | %s |\n",
			r.ID, cell(r.NameZH), cell(r.NameEN), r.Length, r.Unit, dir, cell(r.FromEN),
			cell(r.CitationZH), cell(r.CitationEN), r.InForceFrom, cell(r.Verify))
	}
	return b.String()
}
