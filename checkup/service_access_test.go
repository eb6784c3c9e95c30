package checkup

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// submittedCheckup starts and submits a labour checkup of the demo
// enterprise with LAB-01 found.
func (w *world) submittedCheckup() (*Checkup, []FindingRecord) {
	w.t.Helper()
	ctx := context.Background()
	ck, err := w.svc.Start(ctx, w.staff, StartInput{Questionnaire: "labour"})
	if err != nil {
		w.t.Fatal(err)
	}
	ck, fs, err := w.svc.Submit(ctx, w.staff, ck.ID, AnswersInput{Version: ck.Version,
		JSON: answersJSON(w.t, "labour", map[string]any{"written_contract_within_month": "no"})})
	if err != nil {
		w.t.Fatal(err)
	}
	return ck, fs
}

// Who may do what: one row per actor and action; each refused row must
// be refused with the right kind and write nothing.
func TestCheckupAuthorization(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	svc := w.svc
	draft, err := svc.Start(ctx, w.staff, StartInput{Questionnaire: "contract"})
	if err != nil {
		t.Fatal(err)
	}
	sub, fs := w.submittedCheckup()
	good := ExpertFinding{Version: sub.Version, Severity: Low, Area: "contracts", Title: "t", Risk: "r", Advice: "a", Law: "劳动合同法", Article: "第一条", DeadlineDays: 10}
	answers := AnswersInput{Version: draft.Version, JSON: []byte(`{"enterprise_size": "small"}`)}
	cases := []struct {
		name string
		do   func() error
		want errs.Kind // "" means allowed
	}{
		{"staff reads own", func() error { _, err := svc.Get(ctx, w.staff, sub.ID); return err }, ""},
		{"expert reads workstation's", func() error { _, err := svc.Get(ctx, w.expert, sub.ID); return err }, ""},
		{"supervisor reads any", func() error { _, err := svc.Get(ctx, w.supervisor, sub.ID); return err }, ""},
		{"other enterprise reads", func() error { _, err := svc.Get(ctx, w.otherStaff, sub.ID); return err }, errs.NotFound},
		{"other workstation's expert reads", func() error { _, err := svc.Get(ctx, w.farExpert, sub.ID); return err }, errs.NotFound},
		{"mediator reads", func() error { _, err := svc.Get(ctx, w.mediator, sub.ID); return err }, errs.Forbidden},
		{"mediator lists", func() error { _, _, err := svc.List(ctx, w.mediator, ListFilter{}); return err }, errs.Forbidden},
		{"anonymous lists", func() error { _, _, err := svc.List(ctx, auth.Actor{}, ListFilter{}); return err }, errs.Forbidden},
		{"other enterprise saves answers", func() error { _, err := svc.SaveAnswers(ctx, w.otherStaff, draft.ID, answers); return err }, errs.NotFound},
		{"other enterprise submits", func() error { _, _, err := svc.Submit(ctx, w.otherStaff, draft.ID, answers); return err }, errs.NotFound},
		{"expert answers for the enterprise", func() error { _, err := svc.SaveAnswers(ctx, w.expert, draft.ID, answers); return err }, errs.Forbidden},
		{"supervisor submits", func() error { _, _, err := svc.Submit(ctx, w.supervisor, draft.ID, answers); return err }, errs.Forbidden},
		{"staff adds a finding", func() error { _, err := svc.AddFinding(ctx, w.staff, sub.ID, good); return err }, errs.Forbidden},
		{"staff overrides", func() error {
			_, err := svc.Override(ctx, w.staff, sub.ID, fs[0].ID, OverrideInput{Version: sub.Version, Severity: "low", Reason: "x"})
			return err
		}, errs.Forbidden},
		{"staff issues", func() error { _, err := svc.Issue(ctx, w.staff, sub.ID, sub.Version); return err }, errs.Forbidden},
		{"supervisor issues", func() error { _, err := svc.Issue(ctx, w.supervisor, sub.ID, sub.Version); return err }, errs.Forbidden},
		{"other workstation's expert issues", func() error { _, err := svc.Issue(ctx, w.farExpert, sub.ID, sub.Version); return err }, errs.NotFound},
		{"expert issues a draft", func() error { _, err := svc.Issue(ctx, w.expert, draft.ID, draft.Version); return err }, errs.Conflict},
		{"mediator schedules", func() error {
			_, err := svc.Start(ctx, w.mediator, StartInput{EnterpriseID: w.ent, Questionnaire: "contract"})
			return err
		}, errs.Forbidden},
		{"other workstation's expert schedules here", func() error {
			_, err := svc.Start(ctx, w.farExpert, StartInput{EnterpriseID: w.otherEnt, Questionnaire: "labour"})
			return err
		}, errs.Invalid},
		{"a second open checkup", func() error {
			_, err := svc.Start(ctx, w.expert, StartInput{EnterpriseID: w.ent, Questionnaire: "labour"})
			return err
		}, errs.Conflict},
		{"park view for enterprise staff", func() error { _, err := svc.Park(ctx, w.staff); return err }, errs.Forbidden},
		{"park view for the expert", func() error { _, err := svc.Park(ctx, w.expert); return err }, ""},
		{"report of a draft", func() error { _, _, err := svc.Report(ctx, w.staff, draft.ID); return err }, errs.NotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := w.snapshot()
			err := tc.do()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantKind(t, err, tc.want, tc.name)
			if w.snapshot() != before {
				t.Fatal("a refused request wrote something")
			}
		})
	}
	// Lists are scoped.
	for _, tc := range []struct {
		who  auth.Actor
		want int
	}{{w.staff, 2}, {w.otherStaff, 0}, {w.expert, 2}, {w.supervisor, 2}, {w.farExpert, 0}} {
		if _, n, err := svc.List(ctx, tc.who, ListFilter{}); err != nil || n != tc.want {
			t.Errorf("%s %s sees %d checkups (%v), want %d", tc.who.Role, tc.who.Name, n, err, tc.want)
		}
	}
	if list, _, _ := svc.List(ctx, w.expert, ListFilter{Level: LevelRed}); len(list) != 1 || list[0].ID != sub.ID {
		t.Errorf("level filter: %v", list)
	}
	if _, _, err := svc.List(ctx, w.expert, ListFilter{Status: "bogus"}); !errs.Is(err, errs.Invalid) {
		t.Errorf("bad status filter: %v", err)
	}
}

// Bad input is refused with field errors and nothing is written.
func TestCheckupBadInput(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	svc := w.svc
	draft, err := svc.Start(ctx, w.staff, StartInput{Questionnaire: "labour"})
	if err != nil {
		t.Fatal(err)
	}
	sub, fs := w.submittedCheckup2(t)
	expertOK := func(change func(*ExpertFinding)) ExpertFinding {
		in := ExpertFinding{Version: sub.Version, Severity: Low, Area: "disputes", Title: "t", Risk: "r", Advice: "a", Law: "民法典", Article: "第一条", DeadlineDays: 10}
		change(&in)
		return in
	}
	cases := []struct {
		name  string
		do    func() error
		kind  errs.Kind
		field string
	}{
		{"unknown question key", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version, JSON: []byte(`{"employees_contracted": 5, "no_such_question": "yes"}`)})
			return err
		}, errs.Invalid, "no_such_question"},
		{"number as text", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version, JSON: []byte(`{"employees_contracted": "many"}`)})
			return err
		}, errs.Invalid, "employees_contracted"},
		{"yes/no answer out of its options", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version, JSON: []byte(`{"uses_dispatch": "maybe"}`)})
			return err
		}, errs.Invalid, "uses_dispatch"},
		{"form field of an unknown question", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version, Form: map[string][]string{"_csrf": {"x"}, "bogus": {"1"}}})
			return err
		}, errs.Invalid, "bogus"},
		{"malformed JSON", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version, JSON: []byte(`{"employees_contracted": `)})
			return err
		}, errs.Invalid, "answers"},
		{"stale version", func() error {
			_, err := svc.SaveAnswers(ctx, w.staff, draft.ID, AnswersInput{Version: draft.Version + 5, JSON: []byte(`{"employees_contracted": 5}`)})
			return err
		}, errs.Conflict, ""},
		{"answering a submitted checkup", func() error {
			_, err := svc.SaveAnswers(ctx, w.otherStaff, sub.ID, AnswersInput{Version: sub.Version, JSON: []byte(`{"enterprise_size": "small"}`)})
			return err
		}, errs.Conflict, ""},
		{"submitting a submitted checkup", func() error {
			_, _, err := svc.Submit(ctx, w.otherStaff, sub.ID, AnswersInput{Version: sub.Version})
			return err
		}, errs.Conflict, ""},
		{"unknown questionnaire", func() error { _, err := svc.Start(ctx, w.otherStaff, StartInput{Questionnaire: "tax"}); return err }, errs.Invalid, "questionnaire_key"},
		{"expert finding without a title", func() error {
			_, err := svc.AddFinding(ctx, w.expert, sub.ID, expertOK(func(in *ExpertFinding) { in.Title = " " }))
			return err
		}, errs.Invalid, "finding_title"},
		{"expert finding of an unknown area", func() error {
			_, err := svc.AddFinding(ctx, w.expert, sub.ID, expertOK(func(in *ExpertFinding) { in.Area = "labour" }))
			return err
		}, errs.Invalid, "finding_area"},
		{"expert finding with a bad severity", func() error {
			_, err := svc.AddFinding(ctx, w.expert, sub.ID, expertOK(func(in *ExpertFinding) { in.Severity = "critical" }))
			return err
		}, errs.Invalid, "finding_severity"},
		{"expert finding with no deadline", func() error {
			_, err := svc.AddFinding(ctx, w.expert, sub.ID, expertOK(func(in *ExpertFinding) { in.DeadlineDays = 0 }))
			return err
		}, errs.Invalid, "finding_deadline_days"},
		{"expert finding with a bad in-force date", func() error {
			_, err := svc.AddFinding(ctx, w.expert, sub.ID, expertOK(func(in *ExpertFinding) { in.InForce = "2021-02-30" }))
			return err
		}, errs.Invalid, "finding_in_force"},
		{"override without a reason", func() error {
			_, err := svc.Override(ctx, w.expert, sub.ID, fs[0].ID, OverrideInput{Version: sub.Version, Severity: "low"})
			return err
		}, errs.Invalid, "override_reason"},
		{"override that changes nothing", func() error {
			_, err := svc.Override(ctx, w.expert, sub.ID, fs[0].ID, OverrideInput{Version: sub.Version, Severity: string(fs[0].Severity), Reason: "x"})
			return err
		}, errs.Invalid, "override_severity"},
		{"override on a draft", func() error {
			_, err := svc.Override(ctx, w.expert, draft.ID, fs[0].ID, OverrideInput{Version: draft.Version, Severity: "low", Reason: "x"})
			return err
		}, errs.Conflict, ""},
		{"override with a stale version", func() error {
			_, err := svc.Override(ctx, w.expert, sub.ID, fs[0].ID, OverrideInput{Version: sub.Version - 1, Severity: "low", Reason: "x"})
			return err
		}, errs.Conflict, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := w.snapshot()
			err := tc.do()
			wantKind(t, err, tc.kind, tc.name)
			if tc.field != "" {
				e := err.(*errs.Error)
				found := false
				for _, f := range e.Fields {
					found = found || f.Field == tc.field
				}
				if !found {
					t.Errorf("no error on field %s: %v", tc.field, err)
				}
			}
			if w.snapshot() != before {
				t.Fatal("bad input wrote something")
			}
		})
	}
}

// submittedCheckup2 is a submitted contract checkup of the second enterprise.
func (w *world) submittedCheckup2(t *testing.T) (*Checkup, []FindingRecord) {
	ctx := context.Background()
	ck, err := w.svc.Start(ctx, w.otherStaff, StartInput{Questionnaire: "contract"})
	if err != nil {
		t.Fatal(err)
	}
	ck, fs, err := w.svc.Submit(ctx, w.otherStaff, ck.ID, AnswersInput{Version: ck.Version,
		JSON: answersJSON(t, "contract", map[string]any{"receivables_tracked": "no"})})
	if err != nil || len(fs) != 1 {
		t.Fatalf("contract checkup: %v %v", err, fs)
	}
	return ck, fs
}

// A checkup pins its questionnaire version: after version 2 is published,
// a checkup started on version 1 is answered, submitted and reported on
// version 1 and gives version 1's findings; a new checkup takes version 2.
func TestCheckupVersionPinned(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	ck, err := w.svc.Start(ctx, w.staff, StartInput{Questionnaire: "labour"})
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := w.svc.Registry.Latest("labour")
	v2 := parseFile(t, filepath.Join("testdata", "labour.v2.yaml"))
	contract, _ := w.svc.Registry.Latest("contract")
	reg, err := NewRegistry(v1, v2, contract)
	if err != nil {
		t.Fatal(err)
	}
	w.svc.Registry = reg // version 2 is published
	_, fs, err := w.svc.Submit(ctx, w.staff, ck.ID, AnswersInput{Version: ck.Version,
		JSON: answersJSON(t, "labour", map[string]any{"employee_roster": "no"})})
	if err != nil {
		t.Fatal(err)
	}
	if f := findingByRule(fs, "LAB-04"); f == nil || f.Severity != Low || len(fs) != 1 {
		t.Fatalf("on version 1 LAB-04 is low: %v", ruleIDs(fs))
	}
	d, _ := w.svc.Get(ctx, w.staff, ck.ID)
	if d.Checkup.QuestionnaireVersion != 1 || d.Edited {
		t.Fatalf("pinned version: %d edited %v", d.Checkup.QuestionnaireVersion, d.Edited)
	}
	ck2, err := w.svc.Start(ctx, w.otherStaff, StartInput{Questionnaire: "labour"})
	if err != nil || ck2.QuestionnaireVersion != 2 || ck2.QuestionnaireHash != v2.Hash {
		t.Fatalf("a new checkup takes version 2: %+v %v", ck2, err)
	}
	// A published file edited in place is detected by its fingerprint.
	w.db.NewUpdate().Model((*Checkup)(nil)).Set("questionnaire_hash = ?", "edited").Where("id = ?", ck.ID).Exec(ctx)
	if d, _ := w.svc.Get(ctx, w.staff, ck.ID); !d.Edited {
		t.Error("a changed fingerprint is not reported")
	}
}

// Evidence of a type the store refuses is Invalid on the evidence field.
func TestAddEvidenceRefusesBadFiles(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	sub, _ := w.submittedCheckup()
	if _, err := w.svc.Issue(ctx, w.expert, sub.ID, sub.Version); err != nil {
		t.Fatal(err)
	}
	items, _ := w.svc.Items(ctx, w.staff, ItemFilter{})
	before := w.snapshot()
	for _, f := range []NamedFile{{"empty.pdf", bytes.NewReader(nil)}, {"a.html", bytes.NewReader([]byte("<html><script>x</script></html>"))}} {
		err := w.svc.AddEvidence(ctx, w.staff, items[0].ID, f)
		if e, ok := err.(*errs.Error); !ok || e.Kind != errs.Invalid || e.Fields[0].Field != "evidence" {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	if err := w.svc.AddEvidence(ctx, w.otherStaff, items[0].ID, NamedFile{"a.pdf", bytes.NewReader(evidencePDF(t))}); !errs.Is(err, errs.NotFound) {
		t.Errorf("another enterprise adds evidence: %v", err)
	}
	if w.snapshot() != before {
		t.Fatal("refused evidence was recorded")
	}
	if err := w.svc.AddEvidence(ctx, w.staff, items[0].ID, NamedFile{"说明.pdf", bytes.NewReader(evidencePDF(t))}); err != nil {
		t.Fatal(err)
	}
}
