package notify_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// KindOf: one row per rule, including the rows that must not be an
// assignment or an agreement notice.
func TestKindOf(t *testing.T) {
	const me, other = 7, 9
	tests := []struct {
		name    string
		action  arbitration.Action
		from    arbitration.State
		to      arbitration.State
		handler int64
		want    notify.Kind
	}{
		{"sent to mediation, I am the new handler", arbitration.ActionClassifyMediation, arbitration.StateIntake, arbitration.StateMediation, me, notify.Assignment},
		{"reassigned to me", arbitration.ActionReassign, arbitration.StateMediation, arbitration.StateMediation, me, notify.Assignment},
		{"sent to mediation, someone else handles it", arbitration.ActionClassifyMediation, arbitration.StateIntake, arbitration.StateMediation, other, notify.StatusChange},
		{"I handle it but the action assigns nobody", arbitration.ActionRecordSession, arbitration.StateMediation, arbitration.StateMediation, me, notify.StatusChange},
		{"agreement drafted", arbitration.ActionDraftAgreement, arbitration.StateMediation, arbitration.StateAgreement, other, notify.AgreementWaiting},
		{"another party confirmed: still waiting, not a new agreement", arbitration.ActionConfirmAgreement, arbitration.StateAgreement, arbitration.StateAgreement, other, notify.StatusChange},
		{"agreement took effect", arbitration.ActionSignAgreement, arbitration.StateAgreement, arbitration.StateAgreementEffective, other, notify.StatusChange},
		{"new case filed", "submit", "", arbitration.StateIntake, 0, notify.StatusChange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := arbitration.Notice{Action: tt.action, From: tt.from, To: tt.to}
			if got := notify.KindOf(n, me, tt.handler); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// A case moving through intake, mediation and the agreement fills the
// right inboxes with the right kinds, never the actor's own.
func TestInboxFromCaseMoves(t *testing.T) {
	f := newFixture(t)
	hr, intake, mediator := f.actor(auth.EnterpriseStaff), f.actor(auth.IntakeOfficer), f.actor(auth.Mediator)
	c := f.file()
	got := f.inbox(intake.UserID)
	if len(got) != 1 || got[0].Kind != notify.StatusChange || got[0].CaseID != c.ID || !strings.Contains(got[0].TitleZH, c.Number) ||
		!strings.Contains(got[0].TitleEN, "New case") || got[0].Link != "/cases/"+itoa(c.ID) || !got[0].Unread() {
		t.Fatalf("intake officer after filing: %+v", got)
	}
	if n := len(f.inbox(hr.UserID)); n != 0 {
		t.Fatalf("the filer was notified of their own filing: %d", n)
	}
	c = f.move(intake, c, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	if got := f.inbox(mediator.UserID); len(got) != 1 || got[0].Kind != notify.Assignment || !strings.Contains(got[0].BodyZH, intake.Name) {
		t.Fatalf("mediator after classification: %+v", got)
	}
	if got := f.inbox(hr.UserID); len(got) != 1 || got[0].Kind != notify.StatusChange || !strings.Contains(got[0].TitleZH, "分流至调解") {
		t.Fatalf("enterprise after classification: %+v", got)
	}
	if n := len(f.inbox(intake.UserID)); n != 1 {
		t.Fatalf("intake officer notified of their own action: %d entries", n)
	}
	c = f.move(mediator, c, arbitration.ActionDraftAgreement, arbitration.MoveInput{
		Facts: "公司拖欠工资8,500元。", Terms: "公司于2026年9月30日前支付。",
		Payments: []arbitration.PaymentInput{{Due: "2026-09-30", Amount: "8500", Payer: "公司", Payee: "王芳", Method: "银行转账"}}})
	got = f.inbox(hr.UserID)
	if len(got) != 2 || got[1].Kind != notify.AgreementWaiting {
		t.Fatalf("enterprise after the draft: %+v", got)
	}
	f.move(hr, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	got = f.inbox(mediator.UserID)
	if len(got) != 2 || got[1].Kind != notify.StatusChange {
		t.Fatalf("mediator after a confirmation: %+v", got)
	}
}

// Unread counts, marking one read, marking all read; another user's
// notification and a party without an account are refused.
func TestInboxReadAndAccess(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr, mediator := f.actor(auth.EnterpriseStaff), f.actor(auth.Mediator)
	c := f.toMediation()
	f.now = f.now.AddDate(0, 0, 7)
	for _, day := range []string{"2026-09-12", "2026-09-16"} {
		c = f.move(mediator, c, arbitration.ActionRecordSession, arbitration.MoveInput{HeldOn: day, Attendees: "王芳", Summary: "协商"})
	}
	unread := func(a auth.Actor) int {
		t.Helper()
		n, err := f.notify.UnreadCount(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := unread(hr); n != 3 {
		t.Fatalf("enterprise unread: %d, want 3 (classified, two sessions)", n)
	}
	page, err := f.notify.Inbox(ctx, hr, 1)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 3 || page.Unread != 3 || len(page.Items) != 3 || page.Pages != 1 || page.Items[0].ID < page.Items[2].ID {
		t.Fatalf("inbox page: %+v", page)
	}
	newest := page.Items[0].ID
	mine := f.inbox(mediator.UserID)[0].ID

	tests := []struct {
		name  string
		actor auth.Actor
		id    int64
		want  errs.Kind // "" = accepted
	}{
		{"own notification", hr, newest, ""},
		{"own notification again: no change, no error", hr, newest, ""},
		{"another user's notification", hr, mine, errs.NotFound},
		{"a notification that does not exist", hr, 999999, errs.NotFound},
		{"a party signed in with an access code", auth.Actor{Name: "王芳", Role: auth.Party, CaseID: c.ID, PartyID: 1}, newest, errs.Forbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := f.notify.MarkRead(ctx, tt.actor, tt.id)
			if tt.want == "" && err != nil || tt.want != "" && !errs.Is(err, tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
	if n := unread(hr); n != 2 {
		t.Fatalf("enterprise unread after marking one: %d", n)
	}
	if got := f.inbox(mediator.UserID)[0]; !got.Unread() {
		t.Fatal("another user's notification was marked read")
	}
	if n, err := f.notify.MarkAllRead(ctx, hr); err != nil || n != 2 {
		t.Fatalf("mark all read: %d, %v", n, err)
	}
	if n := unread(hr); n != 0 {
		t.Fatalf("unread after mark all: %d", n)
	}
	if n := unread(mediator); n != 1 {
		t.Fatalf("mark all read touched another inbox: mediator has %d unread", n)
	}
	party := auth.Actor{Role: auth.Party, CaseID: c.ID, PartyID: 1}
	if _, err := f.notify.Inbox(ctx, party, 1); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("party inbox: %v", err)
	}
	if n, err := f.notify.UnreadCount(ctx, party); n != 0 || err != nil {
		t.Fatalf("party unread count: %d, %v", n, err)
	}
}

// An inbox longer than a page is paged, newest first.
func TestInboxPages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	intake := f.actor(auth.IntakeOfficer)
	for i := 0; i < notify.PerPage+2; i++ {
		f.file()
	}
	p1, err := f.notify.Inbox(ctx, intake, 1)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := f.notify.Inbox(ctx, intake, 2)
	if err != nil {
		t.Fatal(err)
	}
	if p1.Total != notify.PerPage+2 || p1.Pages != 2 || len(p1.Items) != notify.PerPage || len(p2.Items) != 2 || p1.Items[notify.PerPage-1].ID <= p2.Items[0].ID {
		t.Fatalf("pages: total %d pages %d, %d + %d items", p1.Total, p1.Pages, len(p1.Items), len(p2.Items))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
