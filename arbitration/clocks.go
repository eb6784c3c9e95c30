package arbitration

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/errs"
)

// clockOps says which statutory clocks an action starts, stops or
// extends. The rules themselves (length, unit, citation) live in
// arbitration/clock/rules.yaml.
type clockOps struct {
	start  []string
	stop   []string
	extend map[string]string // running rule → extension rule
}

var clocksOf = map[Action]clockOps{
	// LDMAL art. 14: 15 days from the organisation receiving the application.
	ActionClassifyMediation: {start: []string{"labour_mediation"}},
	ActionFailMediation:     {stop: []string{"labour_mediation"}},
	ActionTakeEffect:        {stop: []string{"labour_mediation"}, start: []string{"jc_application"}},
	ActionStartFollowUp:     {stop: []string{"jc_application"}},
	ActionFileApplication:   {stop: []string{"jc_application"}, start: []string{"jc_acceptance"}},
	ActionAcceptApplication: {stop: []string{"jc_acceptance"}, start: []string{"jc_ruling"}},
	ActionRefuseApplication: {stop: []string{"jc_acceptance"}},
	ActionExtendReview:      {extend: map[string]string{"jc_ruling": "jc_ruling_extension"}},
	ActionConfirmRuling:     {stop: []string{"jc_ruling"}},
	ActionRejectRuling:      {stop: []string{"jc_ruling"}},
}

// clockStart is the day a rule counts from for this case.
func clockStart(ruleID string, c *Case, f *caseFacts, now time.Time) time.Time {
	switch ruleID {
	case "labour_mediation":
		return c.ReceivedAt
	case "jc_application":
		return f.agreement.EffectiveAt
	}
	return now
}

// runClocks applies the action's clock operations; closing a case stops
// every clock still running.
func (s *Service) runClocks(ctx context.Context, tx bun.IDB, mv *move) error {
	ops := clocksOf[mv.t.Action]
	now := s.now()
	stop := ops.stop
	if mv.t.To == StateClosed {
		stop = nil
		for _, d := range mv.facts.deadlines {
			stop = append(stop, d.RuleID)
		}
	}
	if len(stop) > 0 {
		_, err := tx.NewUpdate().Model((*DeadlineRow)(nil)).Set("done_at = ?", now).
			Where("case_id = ? AND done_at IS NULL AND rule_id IN (?)", mv.c.ID, bun.In(stop)).Exec(ctx)
		if err != nil {
			return errs.Wrap(err, "stop clocks")
		}
	}
	if len(ops.start) == 0 && len(ops.extend) == 0 {
		return nil
	}
	cal, err := s.calendar(ctx, tx)
	if err != nil {
		return err
	}
	for _, id := range ops.start {
		if id == "labour_mediation" && mv.c.Kind != Labour {
			continue
		}
		rule, ok := clock.Lookup(id)
		if !ok {
			return errs.Wrap(errs.E(errs.Internal, "unknown clock "+id), "start clock")
		}
		row := newDeadline(mv.c, clock.Compute(rule, clockStart(id, mv.c, mv.facts, now), cal), now)
		if _, err := tx.NewInsert().Model(row).Exec(ctx); err != nil {
			return errs.Wrap(err, "start clock")
		}
		mv.facts.deadlines = append(mv.facts.deadlines, *row)
	}
	for running, extID := range ops.extend {
		row := mv.facts.open(running)
		ext, ok := clock.Lookup(extID)
		if row == nil || !ok {
			continue
		}
		d := clock.Extend(s.deadlineOf(*row, cal), ext, cal)
		_, err := tx.NewUpdate().Model((*DeadlineRow)(nil)).Set("due_date = ?", dateOnly(d.Due)).Set("extended = ?", true).
			Where("id = ?", row.ID).Exec(ctx)
		if err != nil {
			return errs.Wrap(err, "extend clock")
		}
	}
	return nil
}

// newDeadline is a running deadline of case c.
func newDeadline(c *Case, d clock.Deadline, now time.Time) *DeadlineRow {
	return &DeadlineRow{CaseID: c.ID, RuleID: d.Rule.ID, StartDate: dateOnly(d.Start), DueDate: dateOnly(d.Due), CreatedAt: now,
		OrgUnitID: c.OrgUnitID, CaseReceivedAt: c.ReceivedAt}
}

// deadlineOf recomputes a stored deadline (with its explanation) from its
// rule and start; an extended one is extended again the same way.
func (s *Service) deadlineOf(row DeadlineRow, cal *clock.Calendar) clock.Deadline {
	rule, ok := clock.Lookup(row.RuleID)
	if !ok {
		return clock.Deadline{}
	}
	d := clock.ComputeDate(rule, toDate(row.StartDate), cal)
	if row.Extended {
		for _, r := range clock.Rules() {
			if r.Extends == rule.ID {
				d = clock.Extend(d, r, cal)
			}
		}
	}
	return d
}
