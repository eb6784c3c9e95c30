package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/valid"
)

// draft is one generated case with everything that hangs off it.
type draft struct {
	c         arbitration.Case
	parties   []arbitration.Party
	claims    []claimDraft
	events    []arbitration.Event
	deadlines []arbitration.DeadlineRow
	agreement *arbitration.Agreement
	rating    *arbitration.Rating // the enterprise's rating of a closed case
	app       *arbitration.Application
	arb       *arbitration.Arbitration
}

// claimDraft is a claim with the index of its party in draft.parties
// (-1: the claim is not tied to one employee).
type claimDraft struct {
	arbitration.Claim
	party int
}

// step is one timeline entry of a generated case.
type step struct {
	action arbitration.Action
	to     arbitration.State
}

// addCases writes n cases, oldest first, in batches of batch cases, each
// batch one transaction, workers batches at a time; then it sets the
// workstation's case counters past the numbers used. The cases are made
// in one goroutine from one seeded source, so a seed gives the same data.
func (s *seeder) addCases(ctx context.Context, n, batch, workers int) error {
	rng := rand.New(rand.NewPCG(uint64(s.seed), 2026))
	at := make([]time.Time, n)
	for i := range at {
		at[i] = s.now.Add(-time.Duration(rng.Int64N(int64(730 * 24 * time.Hour)))).Truncate(time.Second)
	}
	slices.SortFunc(at, time.Time.Compare)
	cal := clock.DefaultCalendar()
	counters := map[int]int{}
	start := time.Now()
	batches := make(chan []*draft, workers)
	errc := make(chan error, workers)
	var written atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for drafts := range batches {
				err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return insertDrafts(ctx, tx, drafts) })
				if err != nil {
					errc <- err
					for range batches { // drain so the producer stops
					}
					return
				}
				if done := written.Add(int64(len(drafts))); done%int64(10*batch) < int64(len(drafts)) || done == int64(n) {
					fmt.Printf("cases: %d/%d (%s)\n", done, n, time.Since(start).Round(time.Millisecond))
				}
			}
		}()
	}
	for from := 0; from < n; from += batch {
		to := min(from+batch, n)
		drafts := make([]*draft, 0, to-from)
		for _, t := range at[from:to] {
			year := t.In(clock.Shanghai).Year()
			counters[year]++
			drafts = append(drafts, s.draft(rng, t, fmt.Sprintf("QSKF-%d-%04d", year, counters[year]), cal))
		}
		batches <- drafts
	}
	close(batches)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
	}
	for year, last := range counters {
		if _, err := s.db.NewRaw("INSERT INTO case_counters (org_unit_id, year, last) VALUES (?, ?, ?)", s.park, year, last).Exec(ctx); err != nil {
			return fmt.Errorf("case counter: %w", err)
		}
	}
	return nil
}

// insertDrafts writes a batch: cases first (their ids come back), then the
// rows that refer to them.
func insertDrafts(ctx context.Context, tx bun.IDB, drafts []*draft) error {
	cases := make([]*arbitration.Case, len(drafts))
	for i, d := range drafts {
		cases[i] = &d.c
	}
	if _, err := tx.NewInsert().Model(&cases).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("insert cases: %w", err)
	}
	var parties []*arbitration.Party
	var agreements []*arbitration.Agreement
	var arbs []*arbitration.Arbitration
	for _, d := range drafts {
		for i := range d.parties {
			d.parties[i].CaseID = d.c.ID
			parties = append(parties, &d.parties[i])
		}
		if d.agreement != nil {
			d.agreement.CaseID = d.c.ID
			agreements = append(agreements, d.agreement)
		}
		if d.arb != nil {
			d.arb.CaseID = d.c.ID
			arbs = append(arbs, d.arb)
		}
	}
	if _, err := tx.NewInsert().Model(&parties).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("insert parties: %w", err)
	}
	if len(agreements) > 0 {
		if _, err := tx.NewInsert().Model(&agreements).Returning("id").Exec(ctx); err != nil {
			return fmt.Errorf("insert agreements: %w", err)
		}
	}
	if len(arbs) > 0 {
		if _, err := tx.NewInsert().Model(&arbs).Exec(ctx); err != nil {
			return fmt.Errorf("insert arbitrations: %w", err)
		}
	}
	var claims []arbitration.Claim
	var events []arbitration.Event
	var deadlines []arbitration.DeadlineRow
	var apps []*arbitration.Application
	var ratings []*arbitration.Rating
	for _, d := range drafts {
		for _, cl := range d.claims {
			cl.CaseID = d.c.ID
			if cl.party >= 0 {
				cl.PartyID = d.parties[cl.party].ID
			}
			claims = append(claims, cl.Claim)
		}
		for _, e := range d.events {
			e.CaseID = d.c.ID
			events = append(events, e)
		}
		for _, dl := range d.deadlines {
			dl.CaseID, dl.OrgUnitID, dl.CaseReceivedAt = d.c.ID, d.c.OrgUnitID, d.c.ReceivedAt
			deadlines = append(deadlines, dl)
		}
		if d.app != nil {
			d.app.CaseID, d.app.AgreementID = d.c.ID, d.agreement.ID
			apps = append(apps, d.app)
		}
		if d.rating != nil {
			d.rating.CaseID, d.rating.PartyID = d.c.ID, d.parties[0].ID
			ratings = append(ratings, d.rating)
		}
	}
	for _, m := range []struct {
		what  string
		model any
		n     int
	}{{"claims", &claims, len(claims)}, {"events", &events, len(events)}, {"deadlines", &deadlines, len(deadlines)}, {"applications", &apps, len(apps)}, {"ratings", &ratings, len(ratings)}} {
		if m.n == 0 {
			continue
		}
		if _, err := tx.NewInsert().Model(m.model).Exec(ctx); err != nil {
			return fmt.Errorf("insert %s: %w", m.what, err)
		}
	}
	return nil
}

// draft makes one case received at t.
func (s *seeder) draft(rng *rand.Rand, t time.Time, number string, cal *clock.Calendar) *draft {
	ageDays := int(s.now.Sub(t).Hours() / 24)
	kind := arbitration.Labour
	if rng.IntN(10) < 3 {
		kind = arbitration.Contract
	}
	ent := s.enterprises[rng.IntN(len(s.enterprises))]
	path := pathTo(pickState(rng, ageDays, kind))
	if path[len(path)-1].to == arbitration.StateClosed && rng.IntN(5) == 0 {
		path = []step{{"submit", arbitration.StateIntake}, {arbitration.ActionAnswerConsultation, arbitration.StateClosed}}
	}
	state := path[len(path)-1].to
	mediator := s.staff[auth.Mediator]
	d := &draft{c: arbitration.Case{OrgUnitID: s.park, Number: number, Kind: kind, State: state, Window: windowFor(path),
		EnterpriseID: ent.ID, FiledBy: ent.StaffID, Channel: "online", ReceivedAt: t, Demo: true, Version: int64(len(path)),
		CreatedAt: t}}
	if ent.StaffID == 0 {
		d.c.Channel, d.c.FiledBy = "walk_in", s.staff[auth.IntakeOfficer].ID
	}
	if state != arbitration.StateIntake && path[1].action != arbitration.ActionAnswerConsultation {
		d.c.HandlerID = mediator.ID
	}
	s.fillStory(rng, d, ent)

	// When the case last moved: a running clock's start is spread so that
	// the queues hold overdue, due-soon and later cases; other cases moved
	// some weeks after they were received.
	last := t.Add(time.Duration(1+rng.IntN(min(max(ageDays, 1), 120))) * 24 * time.Hour)
	open := openClock[state]
	if kind == arbitration.Contract && open == "labour_mediation" {
		open = ""
	}
	if open != "" {
		rule, _ := clock.Lookup(open)
		last = s.now.Add(-time.Duration(rng.IntN(rule.Length+8)) * 24 * time.Hour).Add(-time.Duration(rng.IntN(86400)) * time.Second)
	}
	if last.Before(t.Add(time.Hour)) {
		last = t.Add(time.Hour)
	}
	if last.After(s.now) {
		last = s.now
	}
	d.c.UpdatedAt = last
	if state == arbitration.StateClosed {
		d.c.ClosedAt = last
		// A third of the closed cases are rated by the enterprise; the
		// score comes from the time, not the random source, so a seed
		// still gives the cases it gave before ratings were seeded.
		if t.Unix()%3 == 0 {
			d.rating = &arbitration.Rating{Via: "account", Score: []int{5, 5, 4, 4, 3, 5, 4, 2, 5, 1}[t.Unix()/3%10], CreatedAt: last}
		}
	}
	s.fillTimeline(d, path, ent, last)
	s.fillClocks(d, path, open, last, cal)
	s.fillRecords(d, path, last)
	return d
}

// pickState: young cases are still at intake or in mediation; old ones
// are mostly closed. A few old ones are stuck, so queues show overdue.
func pickState(rng *rand.Rand, ageDays int, kind arbitration.Kind) arbitration.State {
	type w struct {
		s arbitration.State
		n int
	}
	var table []w
	switch {
	case ageDays <= 3:
		table = []w{{"intake", 70}, {"mediation", 30}}
	case ageDays <= 30:
		table = []w{{"intake", 5}, {"mediation", 45}, {"agreement", 10}, {"agreement_effective", 10}, {"mediation_failed", 10},
			{"jc_applied", 5}, {"jc_review", 5}, {"arb_applied", 5}, {"arb_accepted", 5}}
	case ageDays <= 120:
		table = []w{{"mediation", 2}, {"jc_review", 10}, {"jc_confirmed", 15}, {"follow_up", 15}, {"closed", 35}, {"mediation_failed", 5},
			{"arb_hearing", 8}, {"arb_awarded", 7}, {"jc_rejected", 2}, {"jc_not_accepted", 1}}
	default:
		table = []w{{"closed", 85}, {"follow_up", 3}, {"jc_confirmed", 5}, {"arb_awarded", 4}, {"mediation_failed", 2}, {"jc_rejected", 1}}
	}
	total := 0
	for _, x := range table {
		total += x.n
	}
	r := rng.IntN(total)
	for _, x := range table {
		if r -= x.n; r < 0 {
			if kind == arbitration.Contract && strings.HasPrefix(string(x.s), "arb_") {
				// Labour arbitration does not take contract disputes.
				if x.s == "arb_applied" || x.s == "arb_accepted" {
					return arbitration.StateMediationFailed
				}
				return arbitration.StateClosed
			}
			return x.s
		}
	}
	return arbitration.StateClosed
}

// pathTo is the timeline that leads to a state.
func pathTo(st arbitration.State) []step {
	then := func(base []step, more ...step) []step { return slices.Concat(base, more) } // always a fresh slice
	mediation := []step{{"submit", "intake"}, {"classify_mediation", "mediation"}, {"record_session", "mediation"}}
	agreement := then(mediation, step{"draft_agreement", "agreement"})
	effective := then(agreement, step{"sign_agreement", "agreement"}, step{"take_effect", "agreement_effective"})
	applied := then(effective, step{"file_application", "jc_applied"})
	review := then(applied, step{"accept_application", "jc_review"})
	confirmed := then(review, step{"confirm_ruling", "jc_confirmed"})
	followUp := then(confirmed, step{"start_follow_up", "follow_up"})
	failed := then(mediation, step{"fail_mediation", "mediation_failed"})
	arbApplied := then(failed, step{"apply_arbitration", "arb_applied"})
	arbAccepted := then(arbApplied, step{"accept_arbitration", "arb_accepted"}, step{"serve_respondent", "arb_accepted"})
	arbHearing := then(arbAccepted, step{"compose_tribunal", "arb_accepted"}, step{"schedule_hearing", "arb_hearing"})
	paths := map[arbitration.State][]step{
		"intake": mediation[:1], "mediation": mediation, "agreement": agreement, "agreement_effective": effective,
		"mediation_failed": failed, "jc_applied": applied, "jc_review": review, "jc_confirmed": confirmed,
		"jc_rejected": then(review, step{"reject_ruling", "jc_rejected"}), "jc_not_accepted": then(applied, step{"refuse_application", "jc_not_accepted"}),
		"follow_up": followUp, "closed": then(followUp, step{"close", "closed"}),
		"arb_applied": arbApplied, "arb_accepted": arbAccepted, "arb_hearing": arbHearing,
		"arb_awarded": then(arbHearing, step{"make_award", "arb_awarded"}), "arb_refused": then(arbApplied, step{"refuse_arbitration", "arb_refused"}),
	}
	return slices.Clone(paths[st])
}

// windowFor is the window of the last state on the path that has one
// (follow-up and closure keep the window the case was at).
func windowFor(path []step) arbitration.Window {
	w := arbitration.WindowIntake
	for _, st := range path {
		switch {
		case st.to == "mediation" || strings.HasPrefix(string(st.to), "agreement") || st.to == "mediation_failed":
			w = arbitration.WindowMediation
		case strings.HasPrefix(string(st.to), "jc_"):
			w = arbitration.WindowJudge
		case strings.HasPrefix(string(st.to), "arb_"):
			w = arbitration.WindowArbitration
		}
	}
	return w
}

// openClock is the statutory clock running in a state (arbitration.clocksOf).
var openClock = map[arbitration.State]string{
	"mediation": "labour_mediation", "agreement": "labour_mediation", "agreement_effective": "jc_application",
	"jc_applied": "jc_acceptance", "jc_review": "jc_ruling", "arb_applied": "arb_acceptance", "arb_accepted": "arb_award",
	"arb_hearing": "arb_award", "arb_awarded": "arb_sue_after_award",
}

// doneClocks are the clocks a step stops.
var doneClocks = map[arbitration.Action]string{
	"take_effect": "labour_mediation", "fail_mediation": "labour_mediation", "file_application": "jc_application",
	"accept_application": "jc_acceptance", "refuse_application": "jc_acceptance", "confirm_ruling": "jc_ruling",
	"reject_ruling": "jc_ruling", "accept_arbitration": "arb_acceptance", "refuse_arbitration": "arb_acceptance", "make_award": "arb_award",
}

// stepTimes spreads the steps evenly from receipt to the last move.
func stepTimes(t, last time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		if n > 1 {
			out[i] = t.Add(last.Sub(t) * time.Duration(i) / time.Duration(n-1)).Truncate(time.Second)
		} else {
			out[i] = t
		}
	}
	return out
}

// fillTimeline writes one event per step, by the role that takes it.
func (s *seeder) fillTimeline(d *draft, path []step, ent enterprise, last time.Time) {
	times := stepTimes(d.c.ReceivedAt, last, len(path))
	from := arbitration.State("")
	for i, st := range path {
		var who person
		switch st.action {
		case "submit":
			who = person{ID: ent.StaffID, Name: ent.User}
			if ent.StaffID == 0 {
				who = s.staff[auth.IntakeOfficer]
			}
		case "classify_mediation", "answer_consultation", "file_application", "apply_arbitration":
			who = s.staff[auth.IntakeOfficer]
		case "take_effect":
			who = person{Name: "系统"}
		case "accept_application", "refuse_application", "confirm_ruling", "reject_ruling":
			who = s.staff[auth.Judge]
		case "accept_arbitration", "refuse_arbitration", "serve_respondent", "compose_tribunal", "schedule_hearing", "make_award":
			who = s.staff[auth.Arbitrator]
		default:
			who = s.staff[auth.Mediator]
		}
		note := ""
		if st.action == arbitration.ActionAnswerConsultation {
			note = "已就相关法律规定作出答复。"
		}
		d.events = append(d.events, arbitration.Event{At: times[i], UserID: who.ID, ActorName: who.Name, Action: st.action, FromState: from, ToState: st.to, Note: note})
		from = st.to
	}
}

// fillClocks writes the finished clocks along the path and the one
// running in the final state, with due dates from the calculator.
func (s *seeder) fillClocks(d *draft, path []step, open string, last time.Time, cal *clock.Calendar) {
	times := stepTimes(d.c.ReceivedAt, last, len(path))
	started := map[string]time.Time{"labour_mediation": d.c.ReceivedAt}
	add := func(ruleID string, from time.Time, done time.Time) {
		if ruleID == "labour_mediation" && d.c.Kind != arbitration.Labour {
			return
		}
		rule, ok := clock.Lookup(ruleID)
		if !ok {
			return
		}
		dd := clock.Compute(rule, from, cal)
		d.deadlines = append(d.deadlines, arbitration.DeadlineRow{RuleID: ruleID, StartDate: dateOnly(dd.Start), DueDate: dateOnly(dd.Due),
			DoneAt: done, CreatedAt: from})
	}
	for i, st := range path {
		if id, ok := doneClocks[st.action]; ok {
			from, ok := started[id]
			if !ok {
				from = times[max(i-1, 0)]
			}
			add(id, from, times[i])
		}
	}
	if open != "" {
		from := last
		if open == "labour_mediation" {
			from = d.c.ReceivedAt
		}
		add(open, from, time.Time{})
	}
}

// fillRecords writes the agreement, the judicial-confirmation application
// and the arbitration record the path went through.
func (s *seeder) fillRecords(d *draft, path []step, last time.Time) {
	times := stepTimes(d.c.ReceivedAt, last, len(path))
	mediator := s.staff[auth.Mediator]
	for i, st := range path {
		at := times[i]
		switch st.action {
		case "draft_agreement":
			d.agreement = &arbitration.Agreement{Facts: d.c.Facts, Terms: "一、被申请方于协议生效后十日内一次性支付款项。\n二、双方就本纠纷再无其他争议。",
				Payments:  []arbitration.Payment{{Due: at.AddDate(0, 0, 10), Amount: d.c.ClaimTotal * 8 / 10, Payer: d.parties[0].Name, Payee: d.parties[len(d.parties)-1].Name, Method: "银行转账"}},
				DraftedBy: mediator.ID, DraftedAt: at}
			d.c.Outcome = "agreement"
		case "sign_agreement":
			d.agreement.MediatorSignedAt = at
		case "take_effect":
			// The dashboard's figures, as the agreement's effect sets them.
			d.agreement.EffectiveAt = at
			d.c.MediationResult, d.c.ResolvedAt = "success", at
			for _, p := range d.agreement.Payments {
				d.c.Recovered += p.Amount
			}
		case "file_application":
			d.app = &arbitration.Application{FiledAt: at}
		case "accept_application":
			d.app.AcceptedAt, d.app.JudgeID = at, s.staff[auth.Judge].ID
		case "refuse_application", "confirm_ruling", "reject_ruling":
			result := map[arbitration.Action]string{"refuse_application": "not_accepted", "confirm_ruling": "confirmed", "reject_ruling": "rejected"}[st.action]
			d.app.RuledAt, d.app.Outcome, d.c.Outcome = at, result, "jc_"+result
			if result == "confirmed" {
				d.c.ResolvedAt = at
				d.app.RulingNumber = fmt.Sprintf("（%d）青法确字第%s号", at.Year(), d.c.Number[len(d.c.Number)-4:])
			}
		case "fail_mediation":
			d.c.Outcome, d.c.MediationResult = "mediation_failed", "failed"
		case "answer_consultation":
			d.c.Outcome, d.c.ResolvedAt = "consultation", at
		case "apply_arbitration":
			d.arb = &arbitration.Arbitration{AppliedAt: at, AwardItems: []arbitration.AwardItem{}}
		case "accept_arbitration":
			d.arb.AcceptedAt = at
		case "serve_respondent":
			d.arb.ServedAt = at
		case "compose_tribunal":
			d.arb.Tribunal = "独任仲裁员 赵建国"
		case "schedule_hearing":
			d.arb.HearingAt = at.AddDate(0, 0, 10)
		case "make_award":
			d.arb.AwardedAt, d.c.Outcome, d.c.ResolvedAt = at, "arb_awarded", at
			d.arb.AwardNumber = fmt.Sprintf("青劳人仲案字〔%d〕%s号", at.Year(), d.c.Number[len(d.c.Number)-4:])
		case "refuse_arbitration":
			d.arb.RefusedNote, d.c.Outcome = "不属于受理范围", "arb_refused"
		}
	}
}

// fillStory writes the title, facts, categories, parties and claims.
func (s *seeder) fillStory(rng *rand.Rand, d *draft, ent enterprise) {
	c := &d.c
	if c.Kind == arbitration.Labour {
		c.Route = string(arbitration.RouteLabour)
		cat := pick(arbitration.LabourCategories, rng.IntN(len(arbitration.LabourCategories)))
		c.Categories = cat
		if rng.IntN(3) == 0 && cat != "wage_arrears" {
			c.Categories = "wage_arrears," + cat
		}
		c.Job = pick(jobs, rng.IntN(len(jobs)))
		c.MonthlyWage = int64(4000+rng.IntN(12000)) * 100
		c.EmploymentStart = c.ReceivedAt.AddDate(-1-rng.IntN(8), -rng.IntN(12), 0).Truncate(24 * time.Hour)
		if rng.IntN(2) == 0 {
			c.EmploymentEnd = c.ReceivedAt.AddDate(0, -rng.IntN(6), -rng.IntN(28)).Truncate(24 * time.Hour)
		}
		c.KnownSince = c.ReceivedAt.AddDate(0, -rng.IntN(10), 0).Truncate(24 * time.Hour)
		n := 1 + rng.IntN(3)
		d.parties = append(d.parties, arbitration.Party{Role: arbitration.RoleEmployer, Kind: "enterprise", Name: ent.Name, IDNumber: ent.Code, EnterpriseID: ent.ID, CreatedAt: c.ReceivedAt})
		var names []string
		for i := 0; i < n; i++ {
			name := pick(surnames, rng.IntN(len(surnames))) + pick(givenNames, rng.IntN(len(givenNames)))
			names = append(names, name)
			d.parties = append(d.parties, arbitration.Party{Role: arbitration.RoleEmployee, Kind: "person", Name: name, IDNumber: idNumber(rng),
				Mobile: fmt.Sprintf("1%d%d%08d", 3+rng.IntN(6), rng.IntN(10), rng.IntN(100000000)), CreatedAt: c.ReceivedAt})
			amount := c.MonthlyWage * int64(1+rng.IntN(6))
			d.claims = append(d.claims, claimDraft{Claim: arbitration.Claim{Category: strings.Split(c.Categories, ",")[0], Description: claimText[cat], Amount: amount}, party: i + 1})
			c.ClaimTotal += amount
		}
		c.Title = fmt.Sprintf(pick(labourTitles, rng.IntN(len(labourTitles))), n)
		c.Facts = fmt.Sprintf("%s，%s（%s）等%d名员工反映：%s双方多次协商未果，现申请调解。", ent.Name, names[0], c.Job, n, factText[cat])
		c.Tried = "人事部门与员工当面协商，未达成一致。"
		return
	}
	cat := pick(arbitration.ContractCategories, rng.IntN(len(arbitration.ContractCategories)))
	c.Categories = cat
	c.Route = string(arbitration.RouteCourt)
	if rng.IntN(5) == 0 {
		c.ArbitrationClause, c.ArbitrationInstitution, c.Route = true, "青山仲裁委员会", string(arbitration.RouteArbitrationClause)
	}
	c.ContractNumber = fmt.Sprintf("HT-%d-%04d", c.ReceivedAt.Year()-rng.IntN(2), rng.IntN(10000))
	c.ContractDate = c.ReceivedAt.AddDate(0, -1-rng.IntN(24), 0).Truncate(24 * time.Hour)
	c.ContractValue = int64(10000+rng.IntN(2000000)) * 100
	c.KnownSince = c.ReceivedAt.AddDate(0, -rng.IntN(12), 0).Truncate(24 * time.Hour)
	other := s.enterprises[rng.IntN(len(s.enterprises))]
	counter := arbitration.Party{Role: arbitration.RoleRespondent, Kind: "enterprise", CreatedAt: c.ReceivedAt}
	if other.ID != ent.ID && rng.IntN(2) == 0 {
		counter.Name, counter.IDNumber, counter.EnterpriseID = other.Name, other.Code, other.ID
		c.CounterpartyEnterpriseID = other.ID
	} else {
		counter.Name = fmt.Sprintf("%s%s贸易有限公司", pick([]string{"杭州", "宁波", "金华", "上海", "苏州"}, rng.IntN(5)), pick(entWords, rng.IntN(len(entWords))))
	}
	d.parties = append(d.parties,
		arbitration.Party{Role: arbitration.RoleClaimant, Kind: "enterprise", Name: ent.Name, IDNumber: ent.Code, EnterpriseID: ent.ID, CreatedAt: c.ReceivedAt}, counter)
	amount := c.ContractValue * int64(2+rng.IntN(8)) / 10
	d.claims = append(d.claims, claimDraft{Claim: arbitration.Claim{Category: cat, Description: "合同项下款项及违约金", Amount: amount}, party: -1})
	c.ClaimTotal = amount
	c.Title = fmt.Sprintf("%s合同纠纷（%s）", contractTitle[cat], counter.Name)
	c.Facts = fmt.Sprintf("%s与%s于%s签订%s合同（编号%s），%s", ent.Name, counter.Name, c.ContractDate.Format("2006年1月2日"), contractTitle[cat], c.ContractNumber, "对方未按约履行，经催告仍未解决。")
}

// idNumber is a valid resident ID number (check digit computed).
func idNumber(rng *rand.Rand) string {
	birth := time.Date(1970+rng.IntN(34), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
	first17 := fmt.Sprintf("330781%s%03d", birth.Format("20060102"), rng.IntN(1000))
	return first17 + string(valid.IDCheckDigit(first17))
}

func dateOnly(d clock.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

var (
	jobs         = []string{"装配工", "操作工", "仓管员", "质检员", "叉车司机", "电工", "焊工", "销售代表", "会计", "保洁员"}
	labourTitles = []string{"拖欠%d名员工工资", "%d名员工加班费争议", "解除劳动合同经济补偿争议（%d人）", "未签书面劳动合同二倍工资争议（%d人）", "社会保险缴纳争议（%d人）"}
	claimText    = map[string]string{"wage_arrears": "拖欠工资", "overtime_pay": "加班费", "termination_compensation": "解除劳动合同经济补偿", "social_insurance": "补缴社会保险",
		"work_injury": "工伤待遇", "no_written_contract": "未签书面劳动合同二倍工资", "non_compete": "竞业限制补偿", "other": "其他劳动报酬"}
	factText = map[string]string{"wage_arrears": "公司近两个月未按时足额发放工资。", "overtime_pay": "公司安排延长工作时间但未支付加班费。",
		"termination_compensation": "公司以经营困难为由解除劳动合同，未支付经济补偿。", "social_insurance": "公司未依法为员工缴纳社会保险费。",
		"work_injury": "员工在工作中受伤，公司未支付停工留薪期工资。", "no_written_contract": "入职超过一个月未签订书面劳动合同。",
		"non_compete": "离职后履行竞业限制义务，公司未支付补偿。", "other": "对劳动报酬计算方式存在争议。"}
	contractTitle = map[string]string{"payment": "买卖", "delivery": "供货", "quality": "质量", "lease": "厂房租赁", "construction": "建设工程",
		"service": "服务", "ip": "技术许可", "other": "其他"}
)
