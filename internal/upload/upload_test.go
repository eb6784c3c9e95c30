package upload

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

func docx(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := z.Create(name)
		w.Write([]byte("<x/>"))
	}
	z.Close()
	return b.Bytes()
}

func TestSave(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	cases := []struct {
		name    string
		data    []byte
		file    string
		want    string // content type, or "" if refused
		code    string
		outName string
	}{
		{"pdf", pdf, "合同.pdf", "application/pdf", "", "合同.pdf"},
		{"png named jpg", png, "照片.jpg", "image/png", "", "照片.png"},
		{"docx", docx(t), "工资表.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "", "工资表.docx"},
		{"html named pdf", []byte("<html><script>alert(1)</script></html>"), "evil.pdf", "", "upload.bad_type", ""},
		{"exe", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), "x.pdf", "", "upload.bad_type", ""},
		{"text", []byte("just text"), "a.txt", "", "upload.bad_type", ""},
		{"empty", nil, "a.pdf", "", "upload.empty", ""},
		{"too large", append(append([]byte{}, pdf...), bytes.Repeat([]byte{' '}, 2000)...), "big.pdf", "", "upload.too_large", ""},
		{"path in name", pdf, "../../etc/passwd.pdf", "application/pdf", "", "passwd.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Store{Dir: t.TempDir(), MaxBytes: 1024}
			f, err := s.Save(bytes.NewReader(c.data), c.file, "file")
			if c.want == "" {
				var e *errs.Error
				if err == nil || !errors.As(err, &e) || e.Kind != errs.Invalid || e.Fields[0].Code != c.code || e.Fields[0].Field != "file" {
					t.Fatalf("want refusal %s, got %v", c.code, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(c.data)
			if f.ContentType != c.want || f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(c.data)) || f.Name != c.outName {
				t.Fatalf("got %+v", f)
			}
			r, err := s.Open(f.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			back, _ := io.ReadAll(r)
			r.Close()
			if !bytes.Equal(back, c.data) {
				t.Fatal("stored bytes differ")
			}
		})
	}
}

func TestOpenRefusesBadKeys(t *testing.T) {
	s := &Store{Dir: t.TempDir(), MaxBytes: 10}
	for _, k := range []string{"", "../x", strings.Repeat("g", 64), strings.Repeat("a", 63)} {
		if _, err := s.Open(k); !errs.Is(err, errs.NotFound) && !errs.Is(err, errs.Internal) {
			t.Errorf("Open(%q) = %v", k, err)
		}
	}
}
