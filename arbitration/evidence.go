package arbitration

import (
	"context"
	"io"
	"os"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// AddEvidence stores an uploaded file (type checked by content, size
// limited, SHA-256 recorded) and records it on the case with a timeline
// entry. Anyone who may see an open case may add evidence to it.
func (s *Service) AddEvidence(ctx context.Context, a auth.Actor, caseID int64, r io.Reader, name string) (*Evidence, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if c.State == StateClosed {
		return nil, errs.E(errs.Conflict, "case.closed")
	}
	if a.Role == auth.Supervisor || a.Role == auth.LegalExpert {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	f, err := s.Uploads.Save(r, name, "file")
	if err != nil {
		return nil, err
	}
	ev := &Evidence{CaseID: c.ID, UploadedBy: a.UserID, PartyID: a.PartyID, Name: f.Name, ContentType: f.ContentType,
		Size: f.Size, SHA256: f.SHA256, CreatedAt: s.now()}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(ev).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert evidence")
		}
		return s.event(ctx, tx, c, a, "add_evidence", c.State, c.State, ev.Name)
	})
	return ev, err
}

// OpenEvidence returns an evidence file for download, to those who may see
// the case only.
func (s *Service) OpenEvidence(ctx context.Context, a auth.Actor, caseID, evidenceID int64) (*Evidence, *os.File, error) {
	if _, err := s.visibleCase(ctx, a, caseID); err != nil {
		return nil, nil, err
	}
	ev := new(Evidence)
	if err := s.DB.NewSelect().Model(ev).Where("id = ? AND case_id = ?", evidenceID, caseID).Scan(ctx); err != nil {
		return nil, nil, notFound(err, "get evidence")
	}
	f, err := s.Uploads.Open(ev.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return ev, f, nil
}
