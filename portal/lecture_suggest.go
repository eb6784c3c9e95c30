package portal

import (
	"context"
	"strings"

	"parkportal/arbitration"
	"parkportal/checkup"
	"parkportal/internal/auth"
	"parkportal/lecture"
)

// The lecture package suggests topics from plain lists; the portal, which
// may call every domain, gathers them: the enterprise's open checkup
// findings (rectification items not yet verified) and the categories of
// its disputes.

// lectureSuggestions ranks the topics for an enterprise the actor may
// see; no enterprise, no suggestions.
func (s *Server) lectureSuggestions(ctx context.Context, a auth.Actor, enterpriseID int64) ([]lecture.Suggestion, error) {
	if enterpriseID == 0 {
		return nil, nil
	}
	if _, err := s.svc.Accounts.Enterprise(ctx, a, enterpriseID); err != nil {
		return nil, err
	}
	findings, err := s.openFindings(ctx, a, enterpriseID)
	if err != nil {
		return nil, err
	}
	categories, err := s.disputeCategories(ctx, a, enterpriseID)
	if err != nil {
		return nil, err
	}
	return s.svc.Lectures.Topics.Rank(findings, categories), nil
}

// openFindings lists the enterprise's open findings (rectification items
// not yet verified) with their rule ids and the areas the questionnaires
// give those rules. An expert's own finding has no questionnaire rule, so
// it goes without an area (the rectification list does not carry one).
// Without a checkup service, or for a role with no part in checkups,
// there are none.
func (s *Server) openFindings(ctx context.Context, a auth.Actor, enterpriseID int64) ([]lecture.Finding, error) {
	if s.svc.Checkups == nil || !a.Is(auth.EnterpriseStaff, auth.Admin, auth.LegalExpert, auth.Supervisor) {
		return nil, nil
	}
	items, err := s.svc.Checkups.Items(ctx, a, checkup.ItemFilter{})
	if err != nil {
		return nil, err
	}
	areaOf := ruleAreas(s.svc.Checkups.Registry)
	var out []lecture.Finding
	for _, it := range items {
		if it.EnterpriseID == enterpriseID && it.Status != checkup.ItemVerified {
			out = append(out, lecture.Finding{Area: areaOf[it.RuleID], Rule: it.RuleID})
		}
	}
	return out, nil
}

// ruleAreas maps each rule id of the latest questionnaires to its area.
func ruleAreas(reg *checkup.Registry) map[string]string {
	out := map[string]string{}
	if reg == nil {
		return out
	}
	for _, key := range reg.Keys() {
		qn, err := reg.Latest(key)
		if err != nil {
			continue
		}
		for _, r := range qn.Rules {
			out[r.ID] = r.Area
		}
	}
	return out
}

// disputeCategories lists the categories of the enterprise's cases (as
// the filer or the other side), newest hundred, one entry per category
// per case.
func (s *Server) disputeCategories(ctx context.Context, a auth.Actor, enterpriseID int64) ([]string, error) {
	if s.svc.Cases == nil {
		return nil, nil
	}
	cases, _, err := s.svc.Cases.List(ctx, a, arbitration.Filter{EnterpriseID: enterpriseID, PerPage: 100})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range cases {
		for _, cat := range strings.Split(c.Categories, ",") {
			if cat = strings.TrimSpace(cat); cat != "" {
				out = append(out, cat)
			}
		}
	}
	return out, nil
}
