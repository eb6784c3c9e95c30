package arbitration

import (
	"context"
	"strings"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// partyRoleLabels name party roles on documents.
var partyRoleLabels = map[string][2]string{
	RoleEmployer:   {"用人单位", "Employer"},
	RoleEmployee:   {"劳动者", "Employee"},
	RoleClaimant:   {"申请方", "Claimant"},
	RoleRespondent: {"被申请方", "Respondent"},
}

var viaLabels = map[string][2]string{
	"account":     {"账号确认", "by account"},
	"access_code": {"访问码确认", "by access code"},
	"in_person":   {"窗口现场确认", "in person at the window"},
}

// docParties turns the case's parties into document parties, masked for a
// viewer who may not see personal data.
func docParties(a auth.Actor, v *CaseView, lang string) []DocParty {
	i := langIndex(lang)
	var out []DocParty
	for _, p := range v.Parties {
		out = append(out, DocParty{Role: partyRoleLabels[p.Role][i], Name: p.Name, IDNumber: p.IDNumber, Contact: p.Mobile})
	}
	return out
}

// AgreementPDF renders the case's current mediation agreement (a draft
// until it takes effect) for a viewer of the case.
func (s *Service) AgreementPDF(ctx context.Context, a auth.Actor, caseID int64, lang string) ([]byte, error) {
	v, err := s.Get(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if v.Agreement == nil {
		return nil, errs.E(errs.NotFound, "case.no_agreement")
	}
	ag := v.Agreement
	d := AgreementDoc{Lang: lang, Labour: v.Case.Kind == Labour, CaseNumber: v.Case.Number, Parties: docParties(a, v, lang),
		Facts: ag.Facts, PerformanceNote: ag.PerformanceNote, DraftedAt: ag.DraftedAt}
	if err := s.DB.NewSelect().Table("org_units").Column("name").Where("id = ?", v.Case.OrgUnitID).Scan(ctx, &d.Organisation); err != nil {
		return nil, errs.Wrap(err, "organisation name")
	}
	d.Organisation += map[bool]string{true: "人民调解委员会", false: " People's Mediation Committee"}[langIndex(lang) == 0]
	s.DB.NewSelect().Table("users").Column("name").Where("id = ?", ag.DraftedBy).Scan(ctx, &d.Mediator)
	for _, t := range strings.Split(ag.Terms, "\n") {
		if t = strings.TrimSpace(t); t != "" {
			d.Terms = append(d.Terms, t)
		}
	}
	for _, p := range ag.Payments {
		d.Payments = append(d.Payments, DocPayment{Due: p.Due, AmountFen: p.Amount, Payer: p.Payer, Payee: p.Payee, Method: p.Method})
	}
	var confs []Confirmation
	if err := s.DB.NewSelect().Model(&confs).Where("agreement_id = ?", ag.ID).Order("confirmed_at").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load confirmations")
	}
	names := map[int64]string{}
	for _, p := range v.Parties {
		names[p.ID] = p.Name
	}
	for _, cf := range confs {
		d.Confirmations = append(d.Confirmations, DocConfirmation{Party: names[cf.PartyID], At: cf.ConfirmedAt, Via: viaLabels[cf.Via][langIndex(lang)]})
	}
	if !ag.MediatorSignedAt.IsZero() {
		t := ag.MediatorSignedAt
		d.MediatorSignedAt = &t
	}
	if !ag.EffectiveAt.IsZero() {
		t := ag.EffectiveAt
		d.EffectiveAt = &t
	}
	return RenderAgreement(d)
}

// RulingPDF renders the judicial-confirmation ruling once it is made.
func (s *Service) RulingPDF(ctx context.Context, a auth.Actor, caseID int64, lang string) ([]byte, error) {
	v, err := s.Get(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	app := v.Application
	if app == nil || app.RuledAt.IsZero() || app.RulingNumber == "" || v.Agreement == nil {
		return nil, errs.E(errs.NotFound, "case.no_ruling")
	}
	var org string
	s.DB.NewSelect().Table("org_units").Column("name").Where("id = ?", v.Case.OrgUnitID).Scan(ctx, &org)
	d := RulingDoc{Lang: lang, RulingNumber: app.RulingNumber, Applicants: docParties(a, v, lang),
		Organisation: org + "人民调解委员会", AgreementSummary: v.Agreement.Terms, AgreementDate: v.Agreement.EffectiveAt,
		AppliedAt: app.FiledAt, AcceptedAt: app.AcceptedAt, RuledAt: app.RuledAt, Confirmed: app.Outcome == "confirmed",
		RejectReason: RejectReasonLabel(app.ReasonCode, lang)}
	d.Court = s.CourtEN + " (resident judge station)"
	if langIndex(lang) == 0 {
		d.Court = s.CourtZH + "（驻" + org + "法官工作站）"
	}
	s.DB.NewSelect().Table("users").Column("name").Where("id = ?", app.JudgeID).Scan(ctx, &d.Judge)
	return RenderRuling(d)
}
