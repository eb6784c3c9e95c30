package pdfdoc

import (
	"fmt"

	"github.com/signintech/gopdf"
)

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Colours of the house style. Red, Amber and Green are the checkup report's
// risk levels (high, medium, low); use Light for a cell background.
var (
	ColorText  = Color{0x1f, 0x1f, 0x1f}
	ColorMuted = Color{0x6b, 0x6b, 0x6b}
	ColorRule  = Color{0x9a, 0x9a, 0x9a}
	ColorBlue  = Color{0x1f, 0x4e, 0x8c}
	ColorRed   = Color{0xc0, 0x39, 0x2b}
	ColorAmber = Color{0xc2, 0x7c, 0x0e}
	ColorGreen = Color{0x1e, 0x84, 0x49}
	ColorWhite = Color{0xff, 0xff, 0xff}
	// colorHeader is the table header background.
	colorHeader = Color{0xee, 0xf0, 0xf3}
)

// Light returns the colour mixed with 85% white: a background on which
// ColorText stays readable.
func (c Color) Light() Color {
	mix := func(v uint8) uint8 { return uint8(float64(v)*0.15 + 255*0.85 + 0.5) }
	return Color{mix(c.R), mix(c.G), mix(c.B)}
}

// Align is the horizontal alignment of text in its box.
type Align int

// The alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// style is a font choice: size in points, weight and colour.
type style struct {
	size    float64
	bold    bool
	color   Color
	leading float64 // line height as a multiple of size; 1.5 when zero
}

// The text styles of the house layout.
var (
	styleTitle    = style{size: 18, bold: true, leading: 1.5}
	styleSubtitle = style{size: 11, leading: 1.6}
	styleHeading  = style{size: 13, bold: true, leading: 1.6}
	styleBody     = style{size: 11, leading: 1.75}
	styleNote     = style{size: 9.5, color: ColorMuted, leading: 1.6}
	styleCell     = style{size: 10, leading: 1.45}
	styleHeader   = style{size: 10, bold: true, leading: 1.45}
	styleBadge    = style{size: 9.5, bold: true, color: ColorWhite}
)

// lineHeight returns the height of one line in mm.
func (s style) lineHeight() float64 {
	l := s.leading
	if l == 0 {
		l = 1.5
	}
	return s.size * l * mmPerPt
}

// measureFunc returns the width in mm of one rune in style s.
func (d *Doc) measureFunc(s style) func(rune) float64 {
	k := s.size * mmPerPt
	return func(r rune) float64 { return d.fonts.runeEm(r, s.bold) * k }
}

// width returns the width of text in style s, in mm.
func (d *Doc) width(text string, s style) float64 {
	m := d.measureFunc(s)
	w := 0.0
	for _, r := range text {
		w += m(r)
	}
	return w
}

// lines wraps text in style s to width mm.
func (d *Doc) lines(text string, s style, width float64) []string {
	return wrap(text, width, d.measureFunc(s))
}

// setFont selects the font and text colour of s.
func (d *Doc) setFont(s style) {
	fam := familyRegular
	if s.bold {
		fam = familyBold
	}
	if err := d.gp.SetFont(fam, "", s.size); err != nil {
		d.fail(fmt.Errorf("pdfdoc: set font: %w", err))
	}
	d.gp.SetTextColor(s.color.R, s.color.G, s.color.B)
}

// text draws one line of text in the box (x, y, w, h), vertically centred.
func (d *Doc) text(x, y, w, h float64, line string, s style, a Align) {
	if line == "" {
		return
	}
	d.setFont(s)
	align := gopdf.Left
	switch a {
	case AlignCenter:
		align = gopdf.Center
	case AlignRight:
		align = gopdf.Right
	}
	d.gp.SetXY(x, y)
	if err := d.gp.CellWithOption(&gopdf.Rect{W: w, H: h}, line, gopdf.CellOption{Align: align | gopdf.Middle}); err != nil {
		d.fail(fmt.Errorf("pdfdoc: draw text: %w", err))
	}
}

// rule draws a horizontal line across the text width at y.
func (d *Doc) rule(y float64, c Color, width float64) {
	d.gp.SetLineWidth(width)
	d.gp.SetStrokeColor(c.R, c.G, c.B)
	d.gp.Line(marginLeft, y, pageWidth-marginRight, y)
}

// fillRect paints a rectangle without a border.
func (d *Doc) fillRect(x, y, w, h float64, c Color) {
	d.gp.SetFillColor(c.R, c.G, c.B)
	d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// strokeRect outlines a rectangle.
func (d *Doc) strokeRect(x, y, w, h float64, c Color, width float64) {
	d.gp.SetLineWidth(width)
	d.gp.SetStrokeColor(c.R, c.G, c.B)
	d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}
