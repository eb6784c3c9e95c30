// Package upload stores evidence files: the type is checked by content
// (not by the name or the browser's word), the size is bounded, and each
// file is stored once under its SHA-256, which is also recorded with the
// evidence so tampering shows.
package upload

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"parkportal/internal/errs"
)

// Allowed lists the accepted content types: PDF, images and Office files.
var Allowed = map[string]string{
	"application/pdf": ".pdf",
	"image/jpeg":      ".jpg",
	"image/png":       ".png",
	"image/gif":       ".gif",
	"image/webp":      ".webp",
	"image/heic":      ".heic",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         ".xlsx",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
	"application/msword":            ".doc",
	"application/vnd.ms-excel":      ".xls",
	"application/vnd.ms-powerpoint": ".ppt",
	"application/x-ole-storage":     ".doc",
}

// File describes a stored upload.
type File struct {
	Name        string // the name the user gave, cleaned
	ContentType string // detected from the content
	Size        int64
	SHA256      string // hex; also the storage key
}

// Store keeps files under Dir, at most MaxBytes each.
type Store struct {
	Dir      string
	MaxBytes int64
}

// Save reads r, checks size and type, and stores it. Bad input is Invalid
// on the field named field; nothing is kept.
func (s *Store) Save(r io.Reader, name, field string) (File, error) {
	if err := os.MkdirAll(s.Dir, 0o750); err != nil {
		return File{}, errs.Wrap(err, "upload dir")
	}
	tmp, err := os.CreateTemp(s.Dir, "incoming-*")
	if err != nil {
		return File{}, errs.Wrap(err, "upload temp")
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	h := sha256.New()
	var head bytes.Buffer
	n, err := io.Copy(io.MultiWriter(tmp, h, &limitedBuffer{buf: &head, max: 3072}), io.LimitReader(r, s.MaxBytes+1))
	if err != nil {
		return File{}, errs.Wrap(err, "upload copy")
	}
	switch {
	case n == 0:
		return File{}, errs.Field(field, "upload.empty")
	case n > s.MaxBytes:
		return File{}, errs.Field(field, "upload.too_large", s.MaxBytes>>20)
	}
	mt := mimetype.Detect(head.Bytes())
	ct := mt.String()
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	if _, ok := Allowed[ct]; !ok {
		return File{}, errs.Field(field, "upload.bad_type")
	}
	sum := hex.EncodeToString(h.Sum(nil))
	dest := s.path(sum)
	if err := os.MkdirAll(filepath.Dir(dest), 0o750); err != nil {
		return File{}, errs.Wrap(err, "upload dir")
	}
	if err := tmp.Close(); err != nil {
		return File{}, errs.Wrap(err, "upload close")
	}
	if _, err := os.Stat(dest); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp.Name(), dest); err != nil {
			return File{}, errs.Wrap(err, "upload store")
		}
	}
	return File{Name: cleanName(name, Allowed[ct]), ContentType: ct, Size: n, SHA256: sum}, nil
}

// Open returns the stored file with the given SHA-256.
func (s *Store) Open(sha string) (*os.File, error) {
	if len(sha) != 64 || strings.Trim(sha, "0123456789abcdef") != "" {
		return nil, errs.E(errs.NotFound, "error.not_found")
	}
	f, err := os.Open(s.path(sha))
	if err != nil {
		return nil, errs.Wrap(err, "open upload")
	}
	return f, nil
}

func (s *Store) path(sha string) string { return filepath.Join(s.Dir, sha[:2], sha) }

// cleanName keeps the base name, drops control and path characters, and
// makes the extension match the detected type.
func cleanName(name, ext string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return -1
		}
		return r
	}, name)
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" || base == "." {
		base = "file"
	}
	if r := []rune(base); len(r) > 80 {
		base = string(r[:80])
	}
	if ext == ".doc" && strings.EqualFold(filepath.Ext(name), ".xls") {
		ext = ".xls"
	}
	return fmt.Sprintf("%s%s", base, ext)
}

// limitedBuffer keeps the first max bytes written to it (for sniffing).
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		if len(p) < room {
			room = len(p)
		}
		l.buf.Write(p[:room])
	}
	return len(p), nil
}
