package checkup

import (
	"context"
	"sort"
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Level is the overall risk level of a checkup, shown on the report's
// cover and in lists.
type Level string

// The levels. Red: a high finding is still open; amber: no open high but
// an open medium; green: otherwise. A finding is open while it stands
// (not dismissed by the expert) and its rectification is not verified.
// The level is counted from severities, never from a score, so one open
// high finding is enough to make an enterprise red.
const (
	LevelRed   Level = "red"
	LevelAmber Level = "amber"
	LevelGreen Level = "green"
)

// Counts are a checkup's findings counted for the report summary.
type Counts struct {
	High      int         `json:"high"`      // standing findings by severity
	Medium    int         `json:"medium"`    //
	Low       int         `json:"low"`       //
	Total     int         `json:"total"`     // standing findings
	Dismissed int         `json:"dismissed"` // dismissed by the expert on review
	Open      int         `json:"open"`      // standing and not yet verified
	Verified  int         `json:"verified"`  // rectification verified
	ByArea    []AreaCount `json:"by_area"`   // in the questionnaire's area order
}

// AreaCount counts one area's standing findings by severity.
type AreaCount struct {
	Key    string `json:"key"`
	Name   Text   `json:"name"`
	High   int    `json:"high"`
	Medium int    `json:"medium"`
	Low    int    `json:"low"`
	Total  int    `json:"total"`
}

// Summarize counts findings and works out the level. items are the
// checkup's rectification items (none before the report is issued).
func Summarize(qn *Questionnaire, findings []FindingRecord, items []Rectification) (Level, Counts) {
	verified := map[int64]bool{}
	for _, it := range items {
		if it.Status == ItemVerified {
			verified[it.FindingID] = true
		}
	}
	var c Counts
	byArea := map[string]*AreaCount{}
	openHigh, openMedium := false, false
	for _, f := range findings {
		if f.Dismissed {
			c.Dismissed++
			continue
		}
		c.Total++
		ac := byArea[f.Area]
		if ac == nil {
			ac = &AreaCount{Key: f.Area}
			if area := qn.Area(f.Area); area != nil {
				ac.Name = area.Text
			} else {
				ac.Name = Text{ZH: f.Area, EN: f.Area}
			}
			byArea[f.Area] = ac
		}
		ac.Total++
		switch f.Severity {
		case High:
			c.High++
			ac.High++
		case Medium:
			c.Medium++
			ac.Medium++
		default:
			c.Low++
			ac.Low++
		}
		if verified[f.ID] {
			c.Verified++
			continue
		}
		c.Open++
		openHigh = openHigh || f.Severity == High
		openMedium = openMedium || f.Severity == Medium
	}
	order := map[string]int{}
	for i, a := range qn.Areas {
		order[a.Key] = i
	}
	for _, ac := range byArea {
		c.ByArea = append(c.ByArea, *ac)
	}
	sort.Slice(c.ByArea, func(i, j int) bool { return order[c.ByArea[i].Key] < order[c.ByArea[j].Key] })
	switch {
	case openHigh:
		return LevelRed, c
	case openMedium:
		return LevelAmber, c
	}
	return LevelGreen, c
}

// Report is everything the report shows, in one language-neutral value:
// the PDF renderer and the report page both read it. Texts are bilingual
// (Text); the renderer picks the language.
type Report struct {
	Number         string
	Enterprise     Enterprise
	Questionnaire  Text
	Version        int
	Date           time.Time // issued, or submitted for a draft report
	Reviewer       string    // empty until issued
	Issued         bool
	Level          Level
	Counts         Counts
	Findings       []ReportFinding // standing findings, worst first
	Dismissed      []ReportFinding // dismissed on review, with the reason
	PreviousNumber string
	Comparison     *Comparison
}

// ReportFinding is one finding as the report prints it.
type ReportFinding struct {
	No             int
	FindingID      int64 // the stored finding
	ItemID         int64 // its rectification item once issued
	Finding        Finding
	Expert         bool       // added by the legal expert
	FoundSeverity  Severity   // the rule's severity when the expert changed it
	OverrideReason string     //
	Due            time.Time  // the rectification due date once issued
	Status         ItemStatus // the rectification status once issued
}

// Report builds a checkup's report for a reader who may see it. A
// checkup still in draft has no findings yet and no report (NotFound).
func (s *Service) Report(ctx context.Context, a auth.Actor, id int64) (*Report, *Detail, error) {
	d, err := s.Get(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	if d.Checkup.Status == StatusDraft {
		return nil, nil, errs.E(errs.NotFound, "checkup.no_report")
	}
	return BuildReport(d), d, nil
}

// BuildReport turns a checkup's detail into its report.
func BuildReport(d *Detail) *Report {
	ck := d.Checkup
	r := &Report{Number: ck.Number, Enterprise: d.Enterprise, Questionnaire: d.Title, Version: ck.QuestionnaireVersion,
		Date: ck.SubmittedAt, Issued: ck.Status == StatusIssued, Level: d.Level, Counts: d.Counts, Comparison: d.Comparison}
	if r.Issued {
		r.Date, r.Reviewer = ck.IssuedAt, d.Reviewer
	}
	if d.Previous != nil {
		r.PreviousNumber = d.Previous.Number
	}
	list := append([]FindingRecord(nil), d.Findings...)
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := list[i].Severity.Rank(), list[j].Severity.Rank(); a != b {
			return a < b
		}
		return list[i].Position < list[j].Position
	})
	for _, f := range list {
		rf := ReportFinding{FindingID: f.ID, Finding: f.Finding, Expert: f.Source == SourceExpert, OverrideReason: f.OverrideReason}
		if f.FoundSeverity != "" && f.FoundSeverity != f.Severity {
			rf.FoundSeverity = f.FoundSeverity
		}
		if it := d.ItemByFinding[f.ID]; it != nil {
			rf.ItemID, rf.Due, rf.Status = it.ID, it.DueDate, it.Status
		}
		if f.Dismissed {
			rf.No = len(r.Dismissed) + 1
			r.Dismissed = append(r.Dismissed, rf)
		} else {
			rf.No = len(r.Findings) + 1
			r.Findings = append(r.Findings, rf)
		}
	}
	return r
}
