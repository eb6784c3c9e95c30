package portal

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/internal/auth"
)

// The case page's escalation, joint-meeting, follow-up and rating forms
// (templates/partials/case_escalation.html). Each handler binds its form,
// calls one service method and goes back to the case page; a refused form
// shows the page again with the messages and the form open.

// caseEscalate sends a case up to the county centre.
func (s *Server) caseEscalate(c *fiber.Ctx) error {
	var in arbitration.EscalateInput
	return s.coordinationForm(c, "escalate", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.Escalate(ctx, a, id, in)
		return err
	})
}

// caseDeescalate sends an escalated case back with instructions.
func (s *Server) caseDeescalate(c *fiber.Ctx) error {
	var in arbitration.DeescalateInput
	return s.coordinationForm(c, "deescalate", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.Deescalate(ctx, a, id, in)
		return err
	})
}

// caseMeetingAdd records a joint meeting.
func (s *Server) caseMeetingAdd(c *fiber.Ctx) error {
	var in arbitration.MeetingInput
	return s.coordinationForm(c, "meeting", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.RecordMeeting(ctx, a, id, in)
		return err
	})
}

// caseFollowUpAdd records a return visit.
func (s *Server) caseFollowUpAdd(c *fiber.Ctx) error {
	var in arbitration.FollowUpInput
	return s.coordinationForm(c, "follow_up", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.RecordFollowUp(ctx, a, id, in)
		return err
	})
}

// caseRatingAdd records a party's rating of the handling.
func (s *Server) caseRatingAdd(c *fiber.Ctx) error {
	var in arbitration.RatingInput
	return s.coordinationForm(c, "rate", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.Rate(ctx, a, id, in)
		return err
	})
}

// caseWindowRatingAdd records the workstation's rating of a window.
func (s *Server) caseWindowRatingAdd(c *fiber.Ctx) error {
	var in arbitration.WindowRatingInput
	return s.coordinationForm(c, "rate_window", &in, func(ctx context.Context, a auth.Actor, id int64) error {
		_, err := s.svc.Cases.RateWindow(ctx, a, id, in)
		return err
	})
}

// coordinationForm is the chain every form above shares: bind into in,
// run, then redirect to the case page, or show it again with the form
// (named form, so the page opens it) and the messages.
func (s *Server) coordinationForm(c *fiber.Ctx, form string, in any, run func(context.Context, auth.Actor, int64) error) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := bind(c, in); err != nil {
		return err
	}
	if err := run(c.UserContext(), actorOf(c), id); err != nil {
		v, perr := s.casePage(c, id)
		if perr != nil {
			return perr
		}
		v.Form = fiber.Map{"Action": form, "Input": in}
		return s.formError(c, "case_show", v, err)
	}
	s.setFlash(c, "flash.done")
	return redirect(c, "/cases/"+itoa(id))
}

// FormValue is what the user typed into the field named name (its form
// tag) on a form shown again, so a long text is not lost.
func (v *View) FormValue(name string) string {
	m, ok := v.Form.(fiber.Map)
	if !ok {
		return ""
	}
	rv := reflect.Indirect(reflect.ValueOf(m["Input"]))
	if rv.Kind() != reflect.Struct {
		return ""
	}
	for i := 0; i < rv.NumField(); i++ {
		tag, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("form"), ",")
		if tag == name && rv.Field(i).Kind() == reflect.String {
			return rv.Field(i).String()
		}
	}
	return ""
}

// Stars shows a 1–5 score (a number, or its text in a form's options) as
// stars.
func (v *View) Stars(score any) string {
	n, _ := strconv.Atoi(fmt.Sprint(score))
	n = max(0, min(5, n))
	return strings.Repeat("★", n) + strings.Repeat("☆", 5-n)
}
