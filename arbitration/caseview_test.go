package arbitration_test

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/internal/auth"
)

// countQueries counts the statements sent to the database.
type countQueries struct{ n atomic.Int64 }

func (h *countQueries) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	h.n.Add(1)
	return ctx
}

func (h *countQueries) AfterQuery(context.Context, *bun.QueryEvent) {}

// The case page cache: an unchanged case is shown from one statement (the
// case row with its revision and its handler's name), and every kind of change — by staff, by
// enterprise staff, by a party with its access code — shows on the next
// read, in the portal instance that made it and in another one on the
// same database. Masking one viewer's copy leaves the cached rows whole.
func TestCasePageCacheSeesEveryChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	queries := &countQueries{}
	f.db.AddQueryHook(queries)
	other := arbitration.NewService(f.db, nil) // a second portal instance
	other.Now = f.svc.Now
	instances := []*arbitration.Service{f.svc, other}
	c, workers := f.toAgreement()
	admin, intake, hr, supervisor := f.actor(auth.Admin), f.actor(auth.IntakeOfficer), f.actor(auth.EnterpriseStaff), f.actor(auth.Supervisor)

	// Masked for the supervisor, whole for the workstation, from the same cache.
	for _, svc := range instances {
		sv, err := svc.Get(ctx, supervisor, c.ID)
		if err != nil || !strings.Contains(sv.Parties[1].IDNumber, "*") {
			t.Fatalf("supervisor's view: %v %+v", err, sv)
		}
		av, _ := svc.Get(ctx, admin, c.ID)
		if strings.Contains(av.Parties[1].IDNumber, "*") || av.Parties[1].Mobile != "13912340001" {
			t.Fatalf("the admin sees a masked party: %+v", av.Parties[1])
		}
	}

	pdf := []byte("%PDF-1.4\n%%EOF\n")
	var nEvents int
	steps := []struct {
		name   string
		change func() error
		shows  func(v *arbitration.CaseView, co *arbitration.Coordination) bool
	}{
		{"evidence by access code", func() error {
			_, err := f.svc.AddEvidence(ctx, workers[0], c.ID, bytes.NewReader(pdf), "欠条.pdf")
			return err
		}, func(v *arbitration.CaseView, _ *arbitration.Coordination) bool {
			return len(v.Evidence) == 1 && v.Evidence[0].Name == "欠条.pdf"
		}},
		{"party statement", func() error {
			return f.svc.Respond(ctx, workers[1], c.ID, arbitration.ResponseInput{Statement: "同意按协议履行。"})
		}, func(v *arbitration.CaseView, _ *arbitration.Coordination) bool {
			last := v.Events[len(v.Events)-1]
			return last.Action == arbitration.ActionRespond && last.Note == "同意按协议履行。"
		}},
		{"access code revoked", func() error {
			return f.svc.RevokeCode(ctx, intake, c.ID, workers[0].PartyID)
		}, func(v *arbitration.CaseView, _ *arbitration.Coordination) bool {
			for _, p := range v.Parties {
				if p.ID == workers[0].PartyID {
					return !p.HasAccessCode()
				}
			}
			return false
		}},
		{"escalated", func() error {
			_, err := f.svc.Escalate(ctx, admin, c.ID, arbitration.EscalateInput{Reason: "企业拒不履行"})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return co.Escalation != nil && co.Reason == "企业拒不履行"
		}},
		{"joint meeting", func() error {
			_, err := f.svc.RecordMeeting(ctx, supervisor, c.ID, arbitration.MeetingInput{HeldOn: "2026-09-10",
				Participants: "县人社局\n园区管委会", Minutes: "研究履行方案。", Decision: "分两期支付"})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return len(co.Meetings) == 1 && co.Meetings[0].Decision == "分两期支付"
		}},
		{"returned by the county", func() error {
			_, err := f.svc.Deescalate(ctx, supervisor, c.ID, arbitration.DeescalateInput{Instructions: "按会议决定办理"})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return co.Returned != nil && co.Returned.Note == "按会议决定办理"
		}},
		{"follow-up started (a move stops the clock)", func() error {
			cur, _ := f.svc.Get(ctx, admin, c.ID)
			_, err := f.svc.Move(ctx, intake, c.ID, arbitration.ActionStartFollowUp, arbitration.MoveInput{Version: cur.Case.Version})
			return err
		}, func(v *arbitration.CaseView, _ *arbitration.Coordination) bool {
			for _, d := range v.Deadlines {
				if d.Row.RuleID == "jc_application" {
					return v.Case.State == arbitration.StateFollowUp && !d.Row.DoneAt.IsZero()
				}
			}
			return false
		}},
		{"return visit", func() error {
			_, err := f.svc.RecordFollowUp(ctx, intake, c.ID, arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "phone", Performed: "yes"})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return len(co.FollowUps) == 1
		}},
		{"rating by the enterprise", func() error {
			_, err := f.svc.Rate(ctx, hr, c.ID, arbitration.RatingInput{Score: 4, Comment: "及时"})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return len(co.Ratings) == 1 && co.Ratings[0].Comment == "及时"
		}},
		{"window rating", func() error {
			_, err := f.svc.RateWindow(ctx, admin, c.ID, arbitration.WindowRatingInput{Window: "mediation", Score: 5})
			return err
		}, func(v *arbitration.CaseView, co *arbitration.Coordination) bool {
			return len(co.Windows) == 1 && co.Windows[0].Window == arbitration.WindowMediation
		}},
		{"handler renamed (no case write)", func() error {
			_, err := f.db.NewRaw("UPDATE users SET name = '调解员改名' WHERE role = 'mediator'").Exec(ctx)
			return err
		}, func(v *arbitration.CaseView, _ *arbitration.Coordination) bool {
			return v.Handler == "调解员改名"
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			for _, svc := range instances { // cached, then read from the cache
				if _, err := svc.Get(ctx, admin, c.ID); err != nil {
					t.Fatal(err)
				}
				before := queries.n.Load()
				v, err := svc.Get(ctx, admin, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				// The case row (a prepared statement on PostgreSQL, which
				// bun's hooks do not see), nothing else.
				if n := queries.n.Load() - before; n > 1 {
					t.Fatalf("an unchanged case page ran %d statements, want the case row only", n)
				}
				if co, _ := svc.Coordination(ctx, admin, v); st.shows(v, co) {
					t.Fatal("the change shows before it was made")
				}
			}
			if err := st.change(); err != nil {
				t.Fatal(err)
			}
			for i, svc := range instances {
				v, err := svc.Get(ctx, admin, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				co, err := svc.Coordination(ctx, admin, v)
				if err != nil {
					t.Fatal(err)
				}
				if !st.shows(v, co) {
					t.Fatalf("instance %d does not show the change", i)
				}
				if i == 0 && len(v.Events) < nEvents {
					t.Fatalf("timeline shrank: %d < %d", len(v.Events), nEvents)
				}
				nEvents = len(v.Events)
			}
		})
	}
}
