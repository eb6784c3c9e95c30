// Package pdfdoc is the PDF plumbing every document of the portal shares
// (mediation agreements, judicial-confirmation rulings, arbitration awards,
// checkup reports, monthly reports): A4 portrait pages with 20 mm margins, a
// centred bold title, headings, wrapped paragraphs of mixed Chinese and
// Latin text, label/value lines, tables whose header repeats on every page,
// coloured badges, a signature block, and a footer on every page with the
// document number and "第 N 页 / 共 M 页" (or "Page N of M").
//
// Blocks are laid out top to bottom; a page break happens wherever the next
// line would cross the bottom margin. Drawing methods return nothing: the
// first error is kept and returned by Bytes or WriteTo, so a renderer can
// call the blocks one after the other and check once.
//
// User-visible words that the package itself writes (the page footer, the
// colon after a label) come in Chinese and English, chosen by Meta.Lang; all
// other text is the caller's, already in the reader's language.
//
// A Doc is not safe for concurrent use; separate Docs may be built at once.
package pdfdoc

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/signintech/gopdf"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 20.0
	marginBottom = 24.0 // the footer sits inside the bottom margin
	footerRuleY  = pageHeight - 18.0
	textWidth    = pageWidth - marginLeft - marginRight
	bodyBottom   = pageHeight - marginBottom
)

// mmPerPt converts a font size in points to millimetres.
const mmPerPt = 25.4 / 72

// Lang selects the language of the words the package writes itself.
type Lang string

// The supported languages.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// Meta describes the document; Title, Subject, Author and Creator go into
// the PDF document information, Footer is printed at the left of every
// page's footer (typically the document number, e.g. "（2026）园劳调字第12号").
type Meta struct {
	Title   string
	Subject string
	Author  string
	Creator string // the producing application; "parkportal" when empty
	Footer  string
	Lang    Lang      // "zh" or "en" (tags like "zh-CN" accepted); Chinese when empty
	Created time.Time // creation date in the PDF information; now when zero
}

// parseLang accepts "zh", "en" and tags such as "zh-CN" or "en-US"; empty
// means Chinese, the portal's first language.
func parseLang(l Lang) (Lang, error) {
	tag := strings.ToLower(string(l))
	switch {
	case tag == "":
		return Chinese, nil
	case tag == "zh" || strings.HasPrefix(tag, "zh-") || strings.HasPrefix(tag, "zh_"):
		return Chinese, nil
	case tag == "en" || strings.HasPrefix(tag, "en-") || strings.HasPrefix(tag, "en_"):
		return English, nil
	}
	return "", fmt.Errorf("pdfdoc: unsupported language %q", l)
}

// Doc is a PDF document being built.
type Doc struct {
	gp    *gopdf.GoPdf
	fonts *fontSet
	meta  Meta
	y     float64 // top of the next block on the current page, mm from the top
	pages int
	err   error
	out   []byte // the finished file, once Bytes has run
}

// ErrFinished is kept when content is added after Bytes or WriteTo.
var ErrFinished = errors.New("pdfdoc: document already finished")

// New starts a document with its first page.
func New(meta Meta) (*Doc, error) {
	lang, err := parseLang(meta.Lang)
	if err != nil {
		return nil, err
	}
	meta.Lang = lang
	if meta.Creator == "" {
		meta.Creator = "parkportal"
	}
	if meta.Created.IsZero() {
		meta.Created = time.Now()
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	gp.SetInfo(gopdf.PdfInfo{
		Title:        meta.Title,
		Subject:      meta.Subject,
		Author:       meta.Author,
		Creator:      meta.Creator,
		Producer:     "parkportal pdfdoc (gopdf)",
		CreationDate: meta.Created,
	})
	if err := fs.register(gp); err != nil {
		return nil, err
	}
	d := &Doc{gp: gp, fonts: fs, meta: meta}
	d.newPage()
	return d, nil
}

// Err returns the first error met so far.
func (d *Doc) Err() error { return d.err }

// Pages returns the number of pages so far.
func (d *Doc) Pages() int { return d.pages }

// Bytes finishes the document (draws every page's footer, now that the page
// count is known) and returns the PDF file. Calling it again returns the
// same bytes; adding content afterwards is an error.
func (d *Doc) Bytes() ([]byte, error) {
	if d.out != nil {
		return d.out, nil
	}
	if d.err != nil {
		return nil, d.err
	}
	for p := 1; p <= d.pages; p++ {
		d.footer(p)
	}
	if d.err != nil {
		return nil, d.err
	}
	out, err := d.gp.GetBytesPdfReturnErr()
	if err != nil {
		d.err = fmt.Errorf("pdfdoc: write: %w", err)
		return nil, d.err
	}
	d.out = out
	return out, nil
}

// WriteTo finishes the document like Bytes and writes it to w.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	b, err := d.Bytes()
	if err != nil {
		return 0, err
	}
	n, err := w.Write(b)
	return int64(n), err
}

// footerText returns the page label in the document's language.
func (d *Doc) footerText(page, total int) string {
	if d.meta.Lang == English {
		return fmt.Sprintf("Page %d of %d", page, total)
	}
	return fmt.Sprintf("第 %d 页 / 共 %d 页", page, total)
}

// footer draws page p's footer: a hair rule, Meta.Footer on the left and the
// page label on the right. gopdf lets us go back to a page, so footers are
// drawn once at the end, when the total is known.
func (d *Doc) footer(p int) {
	if err := d.gp.SetPage(p); err != nil {
		d.fail(fmt.Errorf("pdfdoc: footer of page %d: %w", p, err))
		return
	}
	d.rule(footerRuleY, ColorRule, 0.2)
	st := style{size: 9, color: ColorMuted}
	h := st.lineHeight()
	if d.meta.Footer != "" {
		d.text(marginLeft, footerRuleY+1, textWidth, h, d.meta.Footer, st, AlignLeft)
	}
	d.text(marginLeft, footerRuleY+1, textWidth, h, d.footerText(p, d.pages), st, AlignRight)
}

// fail keeps the first error.
func (d *Doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// ok reports whether drawing may go on.
func (d *Doc) ok() bool {
	if d.out != nil {
		d.fail(ErrFinished)
	}
	return d.err == nil
}

// newPage starts a page and puts the cursor at the top margin.
func (d *Doc) newPage() {
	d.gp.AddPage()
	// gopdf creates a page's content stream on the first drawing call, and
	// SetPage (used for the footers) counts content streams, not pages: give
	// every page its stream now so page numbers and streams always agree.
	d.gp.SetLineWidth(borderWidth)
	d.pages++
	d.y = marginTop
}

// atTop reports whether nothing has been drawn on the current page yet.
func (d *Doc) atTop() bool { return d.y <= marginTop }

// ensure starts a new page when a block of height h does not fit under the
// cursor; it reports whether it did. A block taller than a whole page is
// drawn from the top of a fresh page and its caller must split it.
func (d *Doc) ensure(h float64) bool {
	if d.y+h <= bodyBottom+1e-6 || d.atTop() {
		return false
	}
	d.newPage()
	return true
}

// room returns the height left on the current page.
func (d *Doc) room() float64 { return bodyBottom - d.y }
