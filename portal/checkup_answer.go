package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
	"parkportal/internal/errs"
)

// checkupAnswerShow shows the questionnaire of a draft with the saved
// answers, to resume where the enterprise left off.
func (s *Server) checkupAnswerShow(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.svc.Checkups.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	if !d.Can.Answer {
		return redirect(c, ckPath(id, ""))
	}
	v := s.view(c, "checkup.answer")
	v.Data = buildCkForm(v, d.Checkup, d.Questionnaire, ckValues(d.Questionnaire, d.Answers), nil)
	return s.render(c, "checkup_answer", v)
}

// checkupAnswerSave saves the draft (_action=save) or submits it
// (_action=submit). Refused answers show the form again with what was
// typed and the messages, and nothing is saved.
func (s *Server) checkupAnswerSave(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, ctx := actorOf(c), c.UserContext()
	values := ckPostForm(c)
	in := checkup.AnswersInput{Version: ckVersion(c, "_version"), Form: values}
	submit := c.FormValue("_action") == "submit"
	if submit {
		_, _, err = s.svc.Checkups.Submit(ctx, a, id, in)
	} else {
		_, err = s.svc.Checkups.SaveAnswers(ctx, a, id, in)
	}
	if err != nil {
		if !errs.Is(err, errs.Invalid) && !errs.Is(err, errs.Conflict) {
			return err
		}
		d, derr := s.svc.Checkups.Get(ctx, a, id)
		if derr != nil {
			return derr
		}
		v := s.view(c, "checkup.answer")
		_, body := s.describe(c, err)
		v.Data = buildCkForm(v, d.Checkup, d.Questionnaire, values, body.Fields)
		return s.formError(c, "checkup_answer", v, err)
	}
	if submit {
		s.setFlash(c, "checkup.flash.submitted")
		return redirect(c, ckPath(id, ""))
	}
	s.setFlash(c, "checkup.flash.draft_saved")
	return redirect(c, ckPath(id, "/answer"))
}
