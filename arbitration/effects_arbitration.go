package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/errs"
	"parkportal/internal/money"
)

func init() {
	for _, st := range []State{StateArbApplied, StateArbRefused, StateArbAccepted, StateArbHearing, StateArbAwarded} {
		windowOf[st] = WindowArbitration
	}
	effects[ActionApplyArbitration] = applyArbitration
	effects[ActionAcceptArbitration] = arbSet(func(mv *move) map[string]any {
		mv.set["handler_id"] = mv.actor.UserID
		return map[string]any{"accepted_at": mv.s.now()}
	})
	effects[ActionRefuseArbitration] = arbSet(func(mv *move) map[string]any {
		mv.set["outcome"], mv.set["outcome_note"] = "arb_refused", mv.in.Note
		return map[string]any{"refused_note": mv.in.Note}
	})
	effects[ActionServeRespondent] = arbSet(func(mv *move) map[string]any { return map[string]any{"served_at": mv.s.now()} })
	effects[ActionComposeTribunal] = arbSet(func(mv *move) map[string]any { return map[string]any{"tribunal": mv.in.Note} })
	effects[ActionScheduleHearing] = arbSet(func(mv *move) map[string]any {
		mv.note = strings.TrimSpace(mv.in.HearingAt + " " + mv.in.Note)
		return map[string]any{"hearing_at": hearingTime(mv.in.HearingAt)}
	})
	effects[ActionPostponeHearing] = effects[ActionScheduleHearing]
	effects[ActionExtendAward] = arbSet(func(mv *move) map[string]any { return map[string]any{"extended_note": mv.in.Note} })
	effects[ActionSettleArbitration] = func(_ context.Context, _ bun.IDB, mv *move) error {
		mv.set["outcome"], mv.set["outcome_note"] = "arb_settled", mv.in.Note
		return nil
	}
	effects[ActionMakeAward] = makeAward

	// The arbitration clocks (LDMAL arts. 29, 30, 32, 43, 48–50).
	clocksOf[ActionApplyArbitration] = clockOps{stop: []string{"labour_mediation"}, start: []string{"arb_acceptance"}}
	clocksOf[ActionAcceptArbitration] = clockOps{stop: []string{"arb_acceptance"}, start: []string{"arb_service", "arb_tribunal_notice", "arb_award"}}
	clocksOf[ActionRefuseArbitration] = clockOps{stop: []string{"arb_acceptance"}}
	clocksOf[ActionServeRespondent] = clockOps{stop: []string{"arb_service"}, start: []string{"arb_defence"}}
	clocksOf[ActionComposeTribunal] = clockOps{stop: []string{"arb_tribunal_notice"}}
	// Amended claims or a counterclaim restart the award period (办案规则 arts. 45–46).
	clocksOf[ActionAmendClaims] = clockOps{stop: []string{"arb_award"}, start: []string{"arb_award"}}
	clocksOf[ActionExtendAward] = clockOps{extend: map[string]string{"arb_award": "arb_award_extension"}}
	clocksOf[ActionSettleArbitration] = clockOps{stop: []string{"arb_award", "arb_defence", "arb_service", "arb_tribunal_notice"}}
	clocksOf[ActionMakeAward] = clockOps{stop: []string{"arb_award", "arb_defence"}, start: []string{"arb_sue_after_award"}}
}

// applyArbitration opens the case's arbitration record.
func applyArbitration(ctx context.Context, tx bun.IDB, mv *move) error {
	arb := &Arbitration{CaseID: mv.c.ID, AppliedAt: mv.s.now(), AwardItems: []AwardItem{}}
	_, err := tx.NewInsert().Model(arb).Exec(ctx)
	return errs.Wrap(err, "insert arbitration")
}

// arbSet updates columns of the arbitration record.
func arbSet(cols func(mv *move) map[string]any) effect {
	return func(ctx context.Context, tx bun.IDB, mv *move) error {
		q := tx.NewUpdate().Model((*Arbitration)(nil))
		for col, v := range cols(mv) {
			q = q.Set("? = ?", bun.Ident(col), v)
		}
		_, err := q.Where("case_id = ?", mv.c.ID).Exec(ctx)
		return errs.Wrap(err, "update arbitration")
	}
}

// makeAward records the award item by item, deciding which items are
// final (LDMAL art. 47), and numbers it. A final item also starts the
// employer's 30 days to apply to set it aside (art. 49).
func makeAward(ctx context.Context, tx bun.IDB, mv *move) error {
	var claims []Claim
	if err := tx.NewSelect().Model(&claims).Where("case_id = ?", mv.c.ID).Order("id").Scan(ctx); err != nil {
		return errs.Wrap(err, "load claims")
	}
	var minimum int64
	if mv.s.MonthlyMinimumWage != nil {
		minimum, _ = mv.s.MonthlyMinimumWage(mv.s.now())
	}
	awarded := map[int64]int64{}
	for _, a := range mv.in.Award {
		awarded[a.ClaimID], _ = money.Parse(a.Amount)
	}
	items := make([]AwardItem, 0, len(claims))
	anyFinal := false
	for _, cl := range claims {
		it := AwardItem{ClaimID: cl.ID, Category: cl.Category, Description: cl.Description, Claimed: cl.Amount, Awarded: awarded[cl.ID]}
		it.Final = isFinal(cl.Category, it.Awarded, minimum)
		anyFinal = anyFinal || it.Final
		items = append(items, it)
	}
	parts := strings.Split(mv.c.Number, "-")
	number := mv.c.Number
	if len(parts) == 3 {
		number = "（" + parts[1] + "）" + parts[0] + "劳人仲案字第" + parts[2] + "号"
	}
	_, err := tx.NewUpdate().Model((*Arbitration)(nil)).Set("awarded_at = ?", mv.s.now()).Set("award_number = ?", number).
		Set("award_items = ?", items).Set("award_reasoning = ?", strings.TrimSpace(mv.in.Reasoning)).Where("case_id = ?", mv.c.ID).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "record award")
	}
	mv.set["outcome"] = "arb_awarded"
	var recovered int64
	for _, it := range items {
		recovered += it.Awarded
	}
	mv.set["recovered"] = recovered
	if anyFinal {
		rule, _ := clock.Lookup("arb_revoke_final_award")
		cal, err := mv.s.calendar(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.NewInsert().Model(newDeadline(mv.c, clock.Compute(rule, mv.s.now(), cal), mv.s.now())).Exec(ctx); err != nil {
			return errs.Wrap(err, "start clock")
		}
	}
	return nil
}

// hearingTime reads "2006-01-02T15:04" in China time.
func hearingTime(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04", s, clock.Shanghai)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// checkArbitrationPayload validates the arbitration actions' inputs: the
// hearing notice of at least 5 days and a postponement asked at least 3
// days before the hearing (LDMAL art. 35), and an award covering every
// claim item, none above what was claimed.
func (s *Service) checkArbitrationPayload(ctx context.Context, c *Case, f *caseFacts, t Transition, in *MoveInput, add func(field, code string, args ...any)) error {
	today := clock.DateOf(s.now())
	switch t.Action {
	case ActionScheduleHearing, ActionPostponeHearing:
		at := hearingTime(in.HearingAt)
		if at.IsZero() {
			add("hearing_at", "case.bad_date")
			return nil
		}
		if t.Action == ActionPostponeHearing && f.arb != nil && !f.arb.HearingAt.IsZero() {
			rule, _ := clock.Lookup("arb_postponement_request")
			latest := clock.Compute(rule, f.arb.HearingAt, nil).Due
			if today.After(latest) {
				add("note", "arb.postpone_too_late", latest.String())
			}
		}
		rule, _ := clock.Lookup("arb_hearing_notice")
		latest := clock.Compute(rule, at, nil).Due
		if today.After(latest) {
			add("hearing_at", "arb.notice_too_short", latest.String())
		}
	case ActionMakeAward:
		var claims []Claim
		if err := s.DB.NewSelect().Model(&claims).Where("case_id = ?", c.ID).Scan(ctx); err != nil {
			return errs.Wrap(err, "load claims")
		}
		given := map[int64]string{}
		for _, a := range in.Award {
			given[a.ClaimID] = a.Amount
		}
		for i, cl := range claims {
			field := "award[" + itoa(i) + "].amount"
			amount, ok := given[cl.ID]
			if !ok {
				add(field, "required")
				continue
			}
			fen, ok := money.Parse(amount)
			switch {
			case !ok:
				add(field, "case.bad_amount")
			case fen > cl.Amount:
				add(field, "arb.above_claim")
			}
		}
		if len(given) != len(claims) {
			add("award", "arb.award_items")
		}
	}
	return nil
}
