package arbitration

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
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
// first, then access codes are hashed and the case number is taken
// (reserveNumber); then one transaction inserts the case, its parties
// with their access codes, claims, evidence, the "submitted" timeline
// event and the filing's notification (OnNoticeInTx).
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
		UnitCode  string `bun:"unit_code"`       // the workstation's, for the case number
		Other     int64  `bun:"counterparty_id"` // the counterparty, when a park enterprise
	}
	// A park enterprise as counterparty sees the case in its own portal;
	// it is looked up with the filing enterprise, in one statement.
	var counterpartyCode string
	if sub.Kind == Contract {
		counterpartyCode = sub.CounterpartyCode
	}
	err = s.DB.NewSelect().TableExpr("enterprises AS e").Join("JOIN org_units AS o ON o.id = e.org_unit_id").
		ColumnExpr("e.id, e.org_unit_id, e.name, e.credit_code, e.demo, o.code AS unit_code").
		ColumnExpr("coalesce((SELECT id FROM enterprises WHERE credit_code = ? AND credit_code <> ''), 0) AS counterparty_id", counterpartyCode).
		Where("e.id = ?", sub.EnterpriseID).Scan(ctx, &ent)
	if err != nil && !isNoRows(err) {
		return nil, errs.Wrap(err, "get enterprise")
	}
	if err != nil || (a.Role != auth.EnterpriseStaff && ent.OrgUnitID != a.OrgUnitID) {
		return nil, errs.Field("enterprise_id", "case.bad_enterprise")
	}
	if counterpartyCode != "" && counterpartyCode == ent.Code {
		return nil, errs.Field("counterparty_code", "case.self_counterparty")
	}
	counterpartyID := ent.Other
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
	// Parties without an account get their access codes now: hashing is
	// the filing's costliest CPU work and holds no connection or lock here.
	parties := newParties(c, chk, ent.Name, ent.Code, counterpartyID)
	codes := map[*Party]string{}
	for _, p := range parties {
		if p.Kind == "person" || (p.Kind == "enterprise" && p.EnterpriseID == 0) {
			codes[p] = s.newCode(p)
		}
	}
	// The number is taken in a tiny transaction of its own (reserveNumber),
	// so no lock is held across the filing's commit.
	c.Number, err = s.reserveNumber(ctx, ent.UnitCode, ent.OrgUnitID, now.In(clock.Shanghai).Year(), a.UserID)
	if err != nil {
		return nil, err
	}
	var committed func() // the filing notice's work after the commit
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(c).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert case")
		}
		if err := s.insertParties(ctx, tx, c, parties); err != nil {
			return err
		}
		for _, p := range parties {
			if code, ok := codes[p]; ok {
				out.Codes = append(out.Codes, IssuedCode{PartyID: p.ID, Name: p.Name, Code: code})
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
		// The number is used now: it is no longer void.
		if _, err := tx.NewDelete().Table("void_case_numbers").Where("number = ?", c.Number).Exec(ctx); err != nil {
			return errs.Wrap(err, "use case number")
		}
		if s.OnNoticeInTx != nil {
			n, err := s.noticeOf(ctx, tx, c, a, "submit", "", StateIntake)
			if err != nil {
				return errs.Wrap(err, "filing notice")
			}
			if len(n.Recipients) > 0 {
				if committed, err = s.OnNoticeInTx(ctx, tx, n); err != nil {
					return err
				}
			}
		}
		// Every filing of the workstation that day updates the same rollup
		// rows (the dashboard's figures): counted last, so their row locks
		// are held only through the commit.
		return rollupFiling(ctx, tx, c)
	})
	if err != nil {
		return nil, err
	}
	out.Case = c
	if committed != nil {
		committed()
	} else if s.OnNoticeInTx == nil {
		s.notify(ctx, c, a, "submit", "", StateIntake)
	}
	return out, nil
}

// reserveNumber takes the workstation's next case number for the year,
// e.g. "QSKF-2026-0007": the workstation code, the year, a running number,
// easy to read out on the phone. It bumps the counter and records the
// number in void_case_numbers in a transaction of its own; the filing's
// transaction deletes that record. A filing that fails after this leaves
// its number unused and recorded there, so every gap is explained, and no
// filing holds the counter row while it writes and commits: filings of
// one workstation used to queue for the counter through each other's
// commits (docs/PERFORMANCE.md).
//
// On PostgreSQL this transaction commits without waiting for the disk, so
// the counter row is held only for its two statements. That is safe: the
// filing that uses the number commits later, and its commit waits until
// the log up to it is on disk, this transaction's commit included. A crash
// can lose only numbers no committed filing uses, and loses the counter
// bump and the void record together. Filings of one portal instance take
// numbers one at a time (s.numbering) rather than as a crowd of database
// backends waiting on the same row, which costs far more.
func (s *Service) reserveNumber(ctx context.Context, unitCode string, orgUnitID int64, year int, userID int64) (string, error) {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return "", errs.Wrap(err, "begin case number")
	}
	defer tx.Rollback() // no-op once committed
	if db.IsPG(tx) {
		if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return "", errs.Wrap(err, "case number commit mode")
		}
	}
	s.numbering.Lock()
	defer s.numbering.Unlock()
	var last int
	err = tx.NewRaw("INSERT INTO case_counters (org_unit_id, year, last) VALUES (?, ?, 1) "+
		"ON CONFLICT (org_unit_id, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last", orgUnitID, year).Scan(ctx, &last)
	if err != nil {
		return "", errs.Wrap(err, "bump case counter")
	}
	number := fmt.Sprintf("%s-%d-%04d", unitCode, year, last)
	_, err = tx.NewRaw("INSERT INTO void_case_numbers (number, org_unit_id, taken_at, taken_by) VALUES (?, ?, ?, ?)",
		number, orgUnitID, s.now(), userID).Exec(ctx)
	if err != nil {
		return "", errs.Wrap(err, "record case number")
	}
	return number, errs.Wrap(tx.Commit(), "commit case number")
}

// newParties are the enterprise and the other side: the employees of a
// labour dispute, or the counterparty of a contract dispute.
func newParties(c *Case, chk *checked, entName, entCode string, counterpartyID int64) []*Party {
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
	return parties
}

// insertParties stores the case's parties, access-code hashes included.
func (s *Service) insertParties(ctx context.Context, tx bun.IDB, c *Case, parties []*Party) error {
	now := s.now()
	for _, p := range parties {
		p.CaseID, p.CreatedAt = c.ID, now
		if _, err := tx.NewInsert().Model(p).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert party")
		}
	}
	return nil
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
