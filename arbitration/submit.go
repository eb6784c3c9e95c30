package arbitration

import (
	"context"
	"crypto/rand"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Filed is the result of a submission: the case, the access codes issued
// to parties without accounts (shown once), and the limitation warning.
type Filed struct {
	Case  *Case
	Codes []IssuedCode
	// Limitation is set when the claim looks time-barred: a warning only,
	// since interruption and suspension exist (LDMAL art. 27; CC art. 188).
	Limitation *clock.Deadline
}

// Submit files a dispute: enterprise staff for their enterprise, or an
// intake officer at the window for a walk-in party. Validation happens
// first; then one transaction inserts the case, its parties, claims and
// the "submitted" timeline event, and issues access codes.
func (s *Service) Submit(ctx context.Context, a auth.Actor, sub Submission) (*Filed, error) {
	channel := "online"
	switch {
	case a.Role == auth.EnterpriseStaff:
		sub.EnterpriseID = a.EnterpriseID
	case a.Is(auth.IntakeOfficer, auth.Admin):
		channel = "walk_in"
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	chk, err := sub.check()
	if err != nil {
		return nil, err
	}
	var ent struct {
		ID        int64  `bun:"id"`
		OrgUnitID int64  `bun:"org_unit_id"`
		Name      string `bun:"name"`
		Code      string `bun:"credit_code"`
		Demo      bool   `bun:"demo"`
	}
	err = s.DB.NewSelect().Table("enterprises").Column("id", "org_unit_id", "name", "credit_code", "demo").Where("id = ?", sub.EnterpriseID).Scan(ctx, &ent)
	if err != nil || (a.Role != auth.EnterpriseStaff && ent.OrgUnitID != a.OrgUnitID) {
		return nil, errs.Field("enterprise_id", "case.bad_enterprise")
	}
	var counterpartyID int64
	if sub.Kind == Contract && sub.CounterpartyCode != "" {
		if sub.CounterpartyCode == ent.Code {
			return nil, errs.Field("counterparty_code", "case.self_counterparty")
		}
		// A park enterprise as counterparty sees the case in its own portal.
		s.DB.NewSelect().Table("enterprises").Column("id").Where("credit_code = ?", sub.CounterpartyCode).Scan(ctx, &counterpartyID)
	}
	now := s.now()
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	out := &Filed{}
	if lim := limitationWarning(chk, now, cal); lim != nil {
		out.Limitation = lim
	}
	c := &Case{OrgUnitID: ent.OrgUnitID, Kind: sub.Kind, Categories: strings.Join(sub.Categories, ","),
		State: StateIntake, Window: WindowIntake, Route: string(SuggestRoute(sub.Kind, sub.ArbitrationClause, sub.ArbitrationInstitution)),
		EnterpriseID: ent.ID, CounterpartyEnterpriseID: counterpartyID, FiledBy: a.UserID, Channel: channel,
		Title: sub.Title, Facts: sub.Facts, Tried: sub.Tried, Job: sub.Job, EmploymentStart: chk.empStart, EmploymentEnd: chk.empEnd,
		MonthlyWage: chk.wage, ContractNumber: sub.ContractNumber, ContractDate: chk.contractDate, ContractValue: chk.contractValue,
		ArbitrationClause: sub.ArbitrationClause, ArbitrationInstitution: sub.ArbitrationInstitution, KnownSince: chk.known,
		LimitationWarning: out.Limitation != nil, ReceivedAt: now, Demo: ent.Demo, Version: 1, CreatedAt: now, UpdatedAt: now}
	for _, fen := range chk.claimFen {
		c.ClaimTotal += fen
	}
	numbering := false // s.numbering is held: from takeNumber to the end of the transaction
	unlock := func() {
		if numbering {
			numbering = false
			s.numbering.Unlock()
		}
	}
	defer unlock() // even on a panic
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// The case number is taken last (see takeNumber): the case goes in
		// under a placeholder no other filing can hold.
		c.Number = "pending-" + rand.Text()
		if _, err := tx.NewInsert().Model(c).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert case")
		}
		parties, err := s.insertParties(ctx, tx, c, chk, ent.Name, ent.Code, counterpartyID)
		if err != nil {
			return err
		}
		for _, p := range parties {
			if p.Kind == "person" || (p.Kind == "enterprise" && p.EnterpriseID == 0) {
				code, err := s.issueCode(ctx, tx, p)
				if err != nil {
					return err
				}
				out.Codes = append(out.Codes, code)
			}
		}
		if err := s.insertClaims(ctx, tx, c, chk, parties); err != nil {
			return err
		}
		for _, f := range sub.Files {
			ev := &Evidence{CaseID: c.ID, UploadedBy: a.UserID, Name: f.Name, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256, CreatedAt: now}
			if _, err := tx.NewInsert().Model(ev).Exec(ctx); err != nil {
				return errs.Wrap(err, "insert evidence")
			}
		}
		if err := s.event(ctx, tx, c, a, "submit", "", StateIntake, ""); err != nil {
			return err
		}
		s.numbering.Lock()
		numbering = true
		if err := takeNumber(ctx, tx, c, now.In(clock.Shanghai).Year()); err != nil {
			return err
		}
		// The dashboard's rollup rows of the day are as busy as the
		// counter: counted under the same lock.
		return rollupFiling(ctx, tx, c)
	})
	unlock()
	if err != nil {
		return nil, err
	}
	out.Case = c
	s.notify(ctx, c, a, "submit", "", StateIntake)
	return out, nil
}

// takeNumber gives the filed case its number, as the transaction's last
// statements: bumping the workstation's counter locks the counter row until
// commit, so concurrent filings queue only for this update and the commit,
// not for the whole filing. Numbers stay gapless: a filing that fails rolls
// its bump back. Submit holds s.numbering from here to the end of the
// transaction, so the filings of one portal instance queue in Go rather
// than as a crowd of PostgreSQL backends waiting on the same row, which
// costs far more (docs/PERFORMANCE.md).
func takeNumber(ctx context.Context, tx bun.IDB, c *Case, year int) error {
	number, err := nextNumber(ctx, tx, c.OrgUnitID, year)
	if err != nil {
		return err
	}
	c.Number = number
	_, err = tx.NewUpdate().Model((*Case)(nil)).Set("number = ?", number).Where("id = ?", c.ID).Exec(ctx)
	return errs.Wrap(err, "number case")
}

// insertParties stores the enterprise and the other side: the employees of
// a labour dispute, or the counterparty of a contract dispute.
func (s *Service) insertParties(ctx context.Context, tx bun.IDB, c *Case, chk *checked, entName, entCode string, counterpartyID int64) ([]*Party, error) {
	now := s.now()
	var parties []*Party
	if c.Kind == Labour {
		parties = append(parties, &Party{Role: RoleEmployer, Kind: "enterprise", Name: entName, IDNumber: entCode, EnterpriseID: c.EnterpriseID})
		for _, e := range chk.Employees {
			parties = append(parties, &Party{Role: RoleEmployee, Kind: "person", Name: e.Name, IDNumber: e.IDNumber, Mobile: e.Mobile})
		}
	} else {
		parties = append(parties, &Party{Role: RoleClaimant, Kind: "enterprise", Name: entName, IDNumber: entCode, EnterpriseID: c.EnterpriseID},
			&Party{Role: RoleRespondent, Kind: "enterprise", Name: chk.CounterpartyName, IDNumber: chk.CounterpartyCode, EnterpriseID: counterpartyID})
	}
	for _, p := range parties {
		p.CaseID, p.CreatedAt = c.ID, now
		if _, err := tx.NewInsert().Model(p).Returning("id").Exec(ctx); err != nil {
			return nil, errs.Wrap(err, "insert party")
		}
	}
	return parties, nil
}

func (s *Service) insertClaims(ctx context.Context, tx bun.IDB, c *Case, chk *checked, parties []*Party) error {
	var claims []Claim
	for i, cl := range chk.Claims {
		claim := Claim{CaseID: c.ID, Category: cl.Category, Description: cl.Description, Amount: chk.claimFen[i]}
		if c.Kind == Labour && cl.Employee > 0 {
			claim.PartyID = parties[cl.Employee].ID // parties[0] is the employer
		}
		claims = append(claims, claim)
	}
	_, err := tx.NewInsert().Model(&claims).Exec(ctx)
	return errs.Wrap(err, "insert claims")
}

// limitationWarning returns the limitation deadline when it has passed:
// labour 1 year (LDMAL art. 27 — for wage arrears during employment, from
// the end of employment), contract 3 years (Civil Code art. 188).
func limitationWarning(chk *checked, now time.Time, cal *clock.Calendar) *clock.Deadline {
	start := chk.known
	ruleID := "limitation_contract"
	if chk.Kind == Labour {
		ruleID = "limitation_labour"
		if contains(chk.Categories, "wage_arrears") && !chk.empEnd.IsZero() {
			start = chk.empEnd
		}
	}
	if start.IsZero() {
		return nil
	}
	rule, ok := clock.Lookup(ruleID)
	if !ok {
		return nil
	}
	d := clock.ComputeDate(rule, toDate(start), cal)
	if d.Due.Before(clock.DateOf(now)) {
		return &d
	}
	return nil
}
