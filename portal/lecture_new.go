package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/lecture"
)

// lectureTopicGroup is one <optgroup> of the order form.
type lectureTopicGroup struct {
	Key    string
	Topics []lecture.Topic
}

// lectureNewPage is what the order form shows.
type lectureNewPage struct {
	ChooseEnterprise bool                 // an admin picks the enterprise first
	Enterprises      []account.Enterprise // for the admin's choice
	EnterpriseName   string
	Groups           []lectureTopicGroup
	Chosen           *lecture.Topic // the topic picked, with its summary
	Suggested        []lecture.Suggestion
	Dates            [3]string // the preferred-date fields
	Today            string
}

// lectureNew shows the order form with the topics suggested for the
// enterprise; ?topic= preselects a topic, an admin's ?enterprise_id=
// names the enterprise.
func (s *Server) lectureNew(c *fiber.Ctx) error {
	in := lecture.OrderInput{TopicKey: c.Query("topic"), EnterpriseID: int64(c.QueryInt("enterprise_id"))}
	return s.showLectureForm(c, in, nil)
}

func (s *Server) showLectureForm(c *fiber.Ctx, in lecture.OrderInput, formErr error) error {
	ctx, a := c.UserContext(), actorOf(c)
	p := lectureNewPage{Today: s.now().In(Shanghai).Format("2006-01-02")}
	copy(p.Dates[:], in.PreferredDates)
	if a.Role == auth.EnterpriseStaff {
		in.EnterpriseID = a.EnterpriseID
	}
	if in.EnterpriseID == 0 {
		list, _, err := s.svc.Accounts.Enterprises(ctx, a, account.EnterpriseFilter{Limit: 200})
		if err != nil {
			return err
		}
		p.ChooseEnterprise, p.Enterprises = true, list
	} else {
		e, err := s.svc.Accounts.Enterprise(ctx, a, in.EnterpriseID)
		if err != nil {
			return err
		}
		p.EnterpriseName = e.Name
		if p.Suggested, err = s.lectureSuggestions(ctx, a, e.ID); err != nil {
			return err
		}
		// The best three keep the form within reach on a phone; the
		// catalogue below lists every topic.
		p.Suggested = p.Suggested[:min(len(p.Suggested), 3)]
	}
	for _, g := range lecture.Groups {
		grp := lectureTopicGroup{Key: g}
		for _, t := range s.svc.Lectures.Topics.Orderable() {
			if t.Group == g {
				grp.Topics = append(grp.Topics, t)
			}
		}
		p.Groups = append(p.Groups, grp)
	}
	if t, ok := s.svc.Lectures.Topics.Topic(in.TopicKey); ok && !t.Retired {
		p.Chosen = &t
	}
	if in.AudienceSize == 0 && formErr == nil {
		in.AudienceSize = 50
	}
	v := s.view(c, "lecture.new")
	v.Form, v.Data = in, p
	if formErr != nil {
		return s.formError(c, "lecture_new", v, formErr)
	}
	return s.render(c, "lecture_new", v)
}

// lectureCreate places the order from the form; a refused one shows the
// form again with the messages and the values.
func (s *Server) lectureCreate(c *fiber.Ctx) error {
	var in lecture.OrderInput
	if err := bind(c, &in); err != nil {
		return err
	}
	o, err := s.svc.Lectures.PlaceOrder(c.UserContext(), actorOf(c), in)
	if err != nil {
		return s.showLectureForm(c, in, err)
	}
	s.setFlash(c, "lecture.flash.ordered")
	return redirect(c, "/lectures/"+itoa(o.ID))
}

// apiLectureCreate places an order; 201 with the order.
func (s *Server) apiLectureCreate(c *fiber.Ctx) error {
	var in lecture.OrderInput
	if err := bind(c, &in); err != nil {
		return err
	}
	o, err := s.svc.Lectures.PlaceOrder(c.UserContext(), actorOf(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(o)
}
