package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// The JSON API of escalation, joint meetings, follow-up and ratings: the
// same service calls as the case page's forms.

// apiCaseCoordination returns the case's escalation, joint meetings,
// follow-ups and the ratings the user may read, with the forms allowed now.
func (s *Server) apiCaseCoordination(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cv, err := s.svc.Cases.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	co, err := s.svc.Cases.Coordination(c.UserContext(), actorOf(c), cv)
	if err != nil {
		return err
	}
	return c.JSON(co)
}

// apiCaseEscalate sends a case up to the county centre; 200 with the case.
func (s *Server) apiCaseEscalate(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusOK, func(id int64, in *arbitration.EscalateInput) (any, error) {
		return s.svc.Cases.Escalate(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCaseDeescalate sends it back with instructions; 200 with the case.
func (s *Server) apiCaseDeescalate(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusOK, func(id int64, in *arbitration.DeescalateInput) (any, error) {
		return s.svc.Cases.Deescalate(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCaseMeetingAdd records a joint meeting; 201 with the meeting.
func (s *Server) apiCaseMeetingAdd(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusCreated, func(id int64, in *arbitration.MeetingInput) (any, error) {
		return s.svc.Cases.RecordMeeting(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCaseFollowUpAdd records a return visit; 201 with the record.
func (s *Server) apiCaseFollowUpAdd(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusCreated, func(id int64, in *arbitration.FollowUpInput) (any, error) {
		return s.svc.Cases.RecordFollowUp(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCaseRatingAdd records the acting party's rating; 201, or 409 when the
// party rated already.
func (s *Server) apiCaseRatingAdd(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusCreated, func(id int64, in *arbitration.RatingInput) (any, error) {
		return s.svc.Cases.Rate(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCaseWindowRatingAdd records the workstation's rating of a window; 201.
func (s *Server) apiCaseWindowRatingAdd(c *fiber.Ctx) error {
	return apiCall(c, fiber.StatusCreated, func(id int64, in *arbitration.WindowRatingInput) (any, error) {
		return s.svc.Cases.RateWindow(c.UserContext(), actorOf(c), id, *in)
	})
}

// apiCall reads the case id and the JSON body into a new In, runs call and
// answers with status and its result as JSON; errors go to the error table.
func apiCall[In any](c *fiber.Ctx, status int, call func(id int64, in *In) (any, error)) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := new(In)
	if err := bind(c, in); err != nil {
		return err
	}
	out, err := call(id, in)
	if err != nil {
		return err
	}
	return c.Status(status).JSON(out)
}
