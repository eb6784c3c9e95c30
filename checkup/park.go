package checkup

import (
	"context"
	"sort"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// ParkView is the checkup picture of a workstation (or, for the county
// supervisors, of every workstation): the figures a work report quotes
// ("31 enterprises checked, 30+ risk points, 20+ suggestions"), the most
// frequent risk points, and the enterprises with open high findings.
type ParkView struct {
	// Enterprises is the number of enterprises with at least one
	// submitted or issued checkup; Checkups counts those checkups.
	Enterprises int `json:"enterprises_checked"`
	Checkups    int `json:"checkups"`
	// RiskPoints counts the risk points found: each rule finding standing
	// after review once per enterprise (a re-checkup finding it again does
	// not count twice), plus every finding the experts added.
	RiskPoints int `json:"risk_points"`
	// Suggestions counts the rectification suggestions made: one per
	// standing finding of an issued report.
	Suggestions int `json:"suggestions"`
	// Rectified counts suggestions the enterprises reported done
	// (submitted or verified); Verified those the experts verified.
	Rectified int `json:"rectified"`
	Verified  int `json:"verified"`
	Overdue   int `json:"overdue"`
	// Levels counts enterprises by the level of their latest checkup on
	// each questionnaire (an enterprise checked on two questionnaires
	// counts under both levels).
	Levels   LevelCounts `json:"levels"`
	TopRisks []RiskCount `json:"top_risks"`
	OpenHigh []OpenHigh  `json:"open_high"`
	// EnterpriseLevels is each checked enterprise's worst level over its
	// latest checkups (for the situation map).
	EnterpriseLevels map[int64]Level `json:"enterprise_levels"`
}

// LevelCounts counts checkups by overall level.
type LevelCounts struct {
	Red   int `json:"red"`
	Amber int `json:"amber"`
	Green int `json:"green"`
}

func (c *LevelCounts) add(l Level) {
	switch l {
	case LevelRed:
		c.Red++
	case LevelAmber:
		c.Amber++
	default:
		c.Green++
	}
}

// RiskCount is one risk point and how many enterprises it was found at.
type RiskCount struct {
	Rank        int      `json:"rank"`
	RuleID      string   `json:"rule_id"`
	Title       Text     `json:"title"`
	Severity    Severity `json:"severity"`
	Enterprises int      `json:"enterprises"`
}

// OpenHigh is an enterprise whose latest checkup on a questionnaire still
// has high findings whose rectification is not verified.
type OpenHigh struct {
	EnterpriseID   int64  `json:"enterprise_id"`
	EnterpriseName string `json:"enterprise_name"`
	CheckupID      int64  `json:"checkup_id"`
	CheckupNumber  string `json:"checkup_number"`
	Questionnaire  Text   `json:"questionnaire_title"`
	High           int    `json:"open_high"`
	Overdue        int    `json:"overdue_items"`
}

// TopRiskLimit is how many of the most frequent risk points the park view lists.
const TopRiskLimit = 10

// Park computes the park view for the workstation's admin and legal
// experts (their workstation) and the county supervisors (all).
func (s *Service) Park(ctx context.Context, a auth.Actor) (*ParkView, error) {
	if !a.Is(auth.Admin, auth.LegalExpert, auth.Supervisor) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	var rows []listRow
	q := s.DB.NewSelect().Model(&rows).ColumnExpr("ck.*").ColumnExpr("e.name AS enterprise_name").
		Join("JOIN enterprises AS e ON e.id = ck.enterprise_id").
		Where("ck.status IN (?)", bun.In([]Status{StatusSubmitted, StatusIssued})).Order("ck.id")
	if err := scope(q, a, "ck").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "park checkups")
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	findings, err := findingsOf(ctx, s.DB, ids...)
	if err != nil {
		return nil, err
	}
	items, err := s.itemsOf(ctx, s.DB, ids...)
	if err != nil {
		return nil, err
	}
	v := &ParkView{Checkups: len(rows)}
	itemOf := map[int64]*Rectification{}
	for i := range items {
		itemOf[items[i].FindingID] = &items[i]
		v.Suggestions++
		switch items[i].Status {
		case ItemVerified:
			v.Verified++
			v.Rectified++
		case ItemSubmitted:
			v.Rectified++
		}
		if items[i].Overdue {
			v.Overdue++
		}
	}
	byCheckup := map[int64][]FindingRecord{}
	for _, f := range findings {
		byCheckup[f.CheckupID] = append(byCheckup[f.CheckupID], f)
	}
	enterprises := map[int64]bool{}
	latest := map[string]*listRow{} // enterprise and questionnaire → latest checkup
	seen := map[string]bool{}       // risk points counted once per enterprise
	risks := map[string]*RiskCount{}
	for i := range rows {
		ck := &rows[i]
		enterprises[ck.EnterpriseID] = true
		latest[itoa(int(ck.EnterpriseID))+"/"+ck.QuestionnaireKey] = ck
		for _, f := range byCheckup[ck.ID] {
			if f.Dismissed {
				continue
			}
			key := itoa(int(ck.EnterpriseID)) + "/" + f.RuleID
			if f.Source == SourceExpert {
				key = "ck" + itoa(int(ck.ID)) + "/" + f.RuleID
			}
			first := !seen[key]
			if first {
				seen[key] = true
				v.RiskPoints++
			}
			if f.Source != SourceRule {
				continue
			}
			rc := risks[f.RuleID]
			if rc == nil {
				rc = &RiskCount{RuleID: f.RuleID}
				risks[f.RuleID] = rc
			}
			rc.Title, rc.Severity = f.Finding.Title, f.Severity
			if first {
				rc.Enterprises++
			}
		}
	}
	v.Enterprises = len(enterprises)
	for _, rc := range risks {
		v.TopRisks = append(v.TopRisks, *rc)
	}
	sort.Slice(v.TopRisks, func(i, j int) bool {
		a, b := v.TopRisks[i], v.TopRisks[j]
		if a.Enterprises != b.Enterprises {
			return a.Enterprises > b.Enterprises
		}
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() < b.Severity.Rank()
		}
		return a.RuleID < b.RuleID
	})
	v.TopRisks = v.TopRisks[:min(len(v.TopRisks), TopRiskLimit)]
	for i := range v.TopRisks {
		v.TopRisks[i].Rank = i + 1
	}
	v.EnterpriseLevels = map[int64]Level{}
	v.OpenHigh = s.openHigh(latest, byCheckup, itemOf, &v.Levels, v.EnterpriseLevels)
	return v, nil
}

// openHigh lists, from each enterprise's latest checkup per questionnaire,
// those with open high findings (most first), and counts the levels.
func (s *Service) openHigh(latest map[string]*listRow, byCheckup map[int64][]FindingRecord, itemOf map[int64]*Rectification, levels *LevelCounts, worst map[int64]Level) []OpenHigh {
	out := []OpenHigh{}
	for _, ck := range latest {
		qn, err := s.Registry.Get(ck.QuestionnaireKey, ck.QuestionnaireVersion)
		if err != nil {
			continue
		}
		var items []Rectification
		oh := OpenHigh{EnterpriseID: ck.EnterpriseID, EnterpriseName: ck.EnterpriseName, CheckupID: ck.ID, CheckupNumber: ck.Number, Questionnaire: qn.Title}
		for _, f := range byCheckup[ck.ID] {
			it := itemOf[f.ID]
			if it != nil {
				items = append(items, *it)
				if it.Overdue {
					oh.Overdue++
				}
			}
			if !f.Dismissed && f.Severity == High && (it == nil || it.Status != ItemVerified) {
				oh.High++
			}
		}
		level, _ := Summarize(qn, byCheckup[ck.ID], items)
		levels.add(level)
		if prev, ok := worst[ck.EnterpriseID]; !ok || levelRank[level] > levelRank[prev] {
			worst[ck.EnterpriseID] = level
		}
		if oh.High > 0 {
			out = append(out, oh)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].High != out[j].High {
			return out[i].High > out[j].High
		}
		return out[i].CheckupID < out[j].CheckupID
	})
	return out
}

// levelRank orders levels from best to worst.
var levelRank = map[Level]int{LevelGreen: 0, LevelAmber: 1, LevelRed: 2}
