package arbitration

import (
	"context"
	"net/url"

	"parkportal/internal/auth"
)

// Queue is one work queue on a home page: its name key, how many cases
// are in it, and the list link that shows exactly those cases.
type Queue struct {
	Key   string
	Count int
	Link  string
}

// queueFilters lists each role's queues: its window (or its own cases),
// and the due-soon and overdue cases among them.
func queueFilters(role auth.Role) []struct {
	key string
	f   Filter
} {
	type q = struct {
		key string
		f   Filter
	}
	switch role {
	case auth.IntakeOfficer:
		return []q{{"queue.intake", Filter{State: string(StateIntake)}}, {"queue.due_soon", Filter{Due: "soon"}}, {"queue.overdue", Filter{Due: "overdue"}}}
	case auth.Mediator:
		return []q{{"queue.my_mediation", Filter{Window: string(WindowMediation), Mine: true}}, {"queue.due_soon", Filter{Window: string(WindowMediation), Mine: true, Due: "soon"}}, {"queue.overdue", Filter{Window: string(WindowMediation), Mine: true, Due: "overdue"}}}
	case auth.Judge:
		return []q{{"queue.jc_applied", Filter{State: string(StateJCApplied)}}, {"queue.jc_review", Filter{State: string(StateJCReview)}}, {"queue.due_soon", Filter{Window: string(WindowJudge), Due: "soon"}}, {"queue.overdue", Filter{Window: string(WindowJudge), Due: "overdue"}}}
	case auth.Arbitrator:
		return []q{{"queue.arbitration", Filter{Window: string(WindowArbitration)}}}
	case auth.EnterpriseStaff:
		return []q{{"queue.enterprise_cases", Filter{}}, {"queue.agreement", Filter{State: string(StateAgreement)}}}
	case auth.Admin:
		return []q{{"queue.all", Filter{}}, {"queue.due_soon", Filter{Due: "soon"}}, {"queue.overdue", Filter{Due: "overdue"}}}
	case auth.Supervisor:
		return []q{{"queue.escalated", Filter{Escalated: true}}, {"queue.all", Filter{}}, {"queue.due_soon", Filter{Due: "soon"}}, {"queue.overdue", Filter{Due: "overdue"}}}
	}
	return nil
}

// Queues counts the actor's work queues.
func (s *Service) Queues(ctx context.Context, a auth.Actor) ([]Queue, error) {
	var out []Queue
	for _, q := range queueFilters(a.Role) {
		n, err := s.Count(ctx, a, q.f)
		if err != nil {
			return nil, err
		}
		out = append(out, Queue{Key: q.key, Count: n, Link: "/cases?" + filterQuery(q.f)})
	}
	return out, nil
}

func filterQuery(f Filter) string {
	v := url.Values{}
	for k, x := range map[string]string{"state": f.State, "window": f.Window, "due": f.Due} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if f.Mine {
		v.Set("mine", "true")
	}
	if f.Escalated {
		v.Set("escalated", "true")
	}
	return v.Encode()
}
