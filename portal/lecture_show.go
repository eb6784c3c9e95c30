package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/lecture"
)

// lectureShowPage is the lecture page: the order, its trail, the actions
// the user may take now and what their forms need.
type lectureShowPage struct {
	*lecture.Detail
	Can      map[lecture.Action]bool
	Speakers []lecture.Speaker
	Staff    bool
}

func (s *Server) lecturePage(c *fiber.Ctx, id int64) (*View, error) {
	a := actorOf(c)
	d, err := s.svc.Lectures.Get(c.UserContext(), a, id)
	if err != nil {
		return nil, err
	}
	p := &lectureShowPage{Detail: d, Can: map[lecture.Action]bool{}, Staff: a.Role.IsStaff()}
	for _, act := range d.Allowed {
		p.Can[act] = true
	}
	if p.Can[lecture.Schedule] {
		if p.Speakers, err = s.svc.Lectures.Speakers(c.UserContext(), a); err != nil {
			return nil, err
		}
	}
	v := s.view(c, "lecture.title")
	v.Data = p
	return v, nil
}

// lectureShow is the lecture page.
func (s *Server) lectureShow(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.lecturePage(c, id)
	if err != nil {
		return err
	}
	return s.render(c, "lecture_show", v)
}

// apiLectureGet returns the order with its topic, trail and the actions
// the user may take now.
func (s *Server) apiLectureGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.svc.Lectures.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	if d.Allowed == nil {
		d.Allowed = []lecture.Action{}
	}
	if d.Events == nil {
		d.Events = []lecture.Event{}
	}
	return c.JSON(fiber.Map{"lecture": d.Order, "enterprise_name": d.EnterpriseName, "topic": d.Topic, "events": d.Events,
		"allowed_actions": d.Allowed, "status_label": T(langOf(c), "lecture.status."+string(d.Order.Status))})
}

// lectureAct takes one action from the lecture page's forms; a refused one
// shows the page again with the message and that form open.
func (s *Server) lectureAct(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in lecture.ActionInput
	if err := bind(c, &in); err != nil {
		return err
	}
	action := lecture.Action(c.Params("action"))
	if _, err := s.svc.Lectures.Act(c.UserContext(), actorOf(c), id, action, in); err != nil {
		v, perr := s.lecturePage(c, id)
		if perr != nil {
			return perr
		}
		v.Form = fiber.Map{"Action": string(action), "Input": in}
		return s.formError(c, "lecture_show", v, err)
	}
	s.setFlash(c, "lecture.flash."+string(action))
	return redirect(c, "/lectures/"+itoa(id))
}

// apiLectureAct takes one action; 409 when the version is stale or the
// order has moved on, 422 with field messages on bad input.
func (s *Server) apiLectureAct(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in lecture.ActionInput
	if err := bind(c, &in); err != nil {
		return err
	}
	o, err := s.svc.Lectures.Act(c.UserContext(), actorOf(c), id, lecture.Action(c.Params("action")), in)
	if err != nil {
		return err
	}
	return c.JSON(o)
}
