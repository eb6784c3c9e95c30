package lecture

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Shanghai is the zone preferred dates and lecture times are read in.
var Shanghai = time.FixedZone("CST", 8*3600)

// Service runs lecture orders on the database. Authorization is decided
// here from the acting user; input is validated before the transaction;
// every change is one transaction that updates the order with a guard on
// its version and status and writes its trail line.
type Service struct {
	DB     *bun.DB
	Topics *Catalogue
	// Now is the clock (UTC); tests replace it.
	Now func() time.Time
}

// NewService returns a service on the built-in topic catalogue.
func NewService(db *bun.DB) *Service {
	return &Service{DB: db, Topics: Builtin(), Now: func() time.Time { return time.Now().UTC() }}
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// today is the current civil date in Asia/Shanghai.
func (s *Service) today() time.Time {
	t := s.now().In(Shanghai)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Shanghai)
}

// Filter narrows a list of orders. Zero values mean "any".
type Filter struct {
	Status       string `query:"status"`
	EnterpriseID int64  `query:"enterprise_id"`
	Limit        int    `query:"limit"`
	Offset       int    `query:"offset"`
}

// ListItem is one line of a list of orders.
type ListItem struct {
	Order          `bun:",extend"`
	EnterpriseName string `bun:"enterprise_name" json:"enterprise_name"`
}

// List returns the orders the actor may see, newest first, with the total
// for paging: enterprise staff their enterprise's, workstation staff their
// workstation's, supervisors every workstation's.
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]ListItem, int, error) {
	if f.Status != "" && !validStatus(Status(f.Status)) {
		return nil, 0, errs.Field("status", "lecture.bad_status")
	}
	var items []ListItem
	q, err := scope(s.DB.NewSelect().Model(&items).ColumnExpr("lo.*").ColumnExpr("e.name AS enterprise_name").
		Join("JOIN enterprises AS e ON e.id = lo.enterprise_id"), a)
	if err != nil {
		return nil, 0, err
	}
	if f.Status != "" {
		q = q.Where("lo.status = ?", f.Status)
	}
	if f.EnterpriseID != 0 {
		q = q.Where("lo.enterprise_id = ?", f.EnterpriseID)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	n, err := q.OrderExpr("lo.created_at DESC, lo.id DESC").Limit(int64(f.Limit)).Offset(int64(max(f.Offset, 0))).ScanAndCount(ctx)
	if err != nil {
		return nil, 0, errs.Wrap(err, "list lectures")
	}
	for i := range items {
		items[i].fill()
	}
	return items, int(n), nil
}

func validStatus(st Status) bool {
	for _, x := range Statuses {
		if x == st {
			return true
		}
	}
	return false
}

// Detail is one order with what its page shows.
type Detail struct {
	Order          *Order   `json:"lecture"`
	EnterpriseName string   `json:"enterprise_name"`
	Topic          Topic    `json:"topic"`
	Events         []Event  `json:"events"`
	Allowed        []Action `json:"allowed_actions"`
}

// Get returns one order the actor may see (others are NotFound), its
// trail and the actions the actor may take now.
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*Detail, error) {
	o, err := getOrder(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	d := &Detail{Order: o, Allowed: Allowed(a, o, s.now())}
	if d.Topic, _ = s.Topics.Topic(o.TopicKey); d.Topic.Key == "" {
		d.Topic = Topic{Key: o.TopicKey, Title: Text{ZH: o.TopicKey, EN: o.TopicKey}}
	}
	if e, err := getEnterprise(ctx, s.DB, o.EnterpriseID); err != nil {
		return nil, err
	} else if e != nil {
		d.EnterpriseName = e.Name
	}
	err = s.DB.NewSelect().Model(&d.Events).Where("lecture_id = ?", id).OrderExpr("at, id").Scan(ctx)
	if err != nil {
		return nil, errs.Wrap(err, "list lecture events")
	}
	for i := range d.Events {
		d.Events[i].At = d.Events[i].At.UTC()
	}
	return d, nil
}

// Speakers lists the accounts of the actor's workstation that can be
// named as a lecture's speaker (legal experts, judges, arbitrators,
// mediators); only the workstation's admin and legal experts need it.
func (s *Service) Speakers(ctx context.Context, a auth.Actor) ([]Speaker, error) {
	if !a.Is(auth.Admin, auth.LegalExpert) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	return speakers(ctx, s.DB, a.OrgUnitID, 0)
}
