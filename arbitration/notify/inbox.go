package notify

import (
	"context"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// PerPage is how many notifications an inbox page holds.
const PerPage = 20

// Page is one page of an inbox, newest first.
type Page struct {
	Items  []Notification `json:"items"`
	Total  int            `json:"total"`
	Unread int            `json:"unread"`
	Page   int            `json:"page"`
	Pages  int            `json:"pages"`
}

// hasInbox: only accounts have an inbox; a party signed in with a case's
// access code has none.
func hasInbox(a auth.Actor) error {
	if a.UserID == 0 {
		return errs.E(errs.Forbidden, "notify.no_inbox")
	}
	return nil
}

// Inbox returns one page of the actor's own notifications, newest first,
// with the total and unread counts.
func (s *Service) Inbox(ctx context.Context, a auth.Actor, page int) (*Page, error) {
	if err := hasInbox(a); err != nil {
		return nil, err
	}
	if page < 1 {
		page = 1
	}
	out := &Page{Page: page, Items: []Notification{}}
	n, err := s.DB.NewSelect().Model(&out.Items).Where("user_id = ?", a.UserID).
		OrderExpr("created_at DESC, id DESC").Limit(PerPage).Offset(int64((page - 1) * PerPage)).ScanAndCount(ctx)
	if err != nil {
		return nil, errs.Wrap(err, "notify: inbox")
	}
	out.Total = int(n)
	out.Pages = (out.Total + PerPage - 1) / PerPage
	if out.Unread, err = s.UnreadCount(ctx, a); err != nil {
		return nil, err
	}
	return out, nil
}

// UnreadCount counts the actor's unread notifications (one indexed COUNT;
// every page's top bar shows it). Without an inbox it is 0.
func (s *Service) UnreadCount(ctx context.Context, a auth.Actor) (int, error) {
	if a.UserID == 0 {
		return 0, nil
	}
	n, err := s.DB.NewSelect().Model((*Notification)(nil)).Where("user_id = ? AND read_at IS NULL", a.UserID).Count(ctx)
	return int(n), errs.Wrap(err, "notify: unread count")
}

// MarkRead marks one of the actor's notifications read; marking it again
// changes nothing. Another user's notification is NotFound, as if it did
// not exist.
func (s *Service) MarkRead(ctx context.Context, a auth.Actor, id int64) error {
	if err := hasInbox(a); err != nil {
		return err
	}
	res, err := s.DB.NewUpdate().Model((*Notification)(nil)).Set("read_at = ?", s.now()).
		Where("id = ? AND user_id = ? AND read_at IS NULL", id, a.UserID).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "notify: mark read")
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	own, err := s.DB.NewSelect().Model((*Notification)(nil)).Where("id = ? AND user_id = ?", id, a.UserID).Exists(ctx)
	if err != nil {
		return errs.Wrap(err, "notify: mark read")
	}
	if !own {
		return errs.E(errs.NotFound, "notify.not_found")
	}
	return nil
}

// MarkAllRead marks every unread notification of the actor read and
// returns how many it marked.
func (s *Service) MarkAllRead(ctx context.Context, a auth.Actor) (int, error) {
	if err := hasInbox(a); err != nil {
		return 0, err
	}
	res, err := s.DB.NewUpdate().Model((*Notification)(nil)).Set("read_at = ?", s.now()).
		Where("user_id = ? AND read_at IS NULL", a.UserID).Exec(ctx)
	if err != nil {
		return 0, errs.Wrap(err, "notify: mark all read")
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
