package pdfdoc

import "strings"

// Gaps between blocks, in mm.
const (
	gapAfterTitle     = 3.0
	gapBeforeHeading  = 3.0
	gapAfterParagraph = 1.5
	gapAfterBlock     = 3.0
)

// flow draws wrapped lines one under the other from the cursor, starting a
// new page whenever the next line would cross the bottom margin.
func (d *Doc) flow(lines []string, s style, a Align) {
	h := s.lineHeight()
	for _, l := range lines {
		d.ensure(h)
		d.text(marginLeft, d.y, textWidth, h, l, s, a)
		d.y += h
	}
}

// Title draws the document title: bold, centred, wrapped if long.
func (d *Doc) Title(text string) {
	if !d.ok() || text == "" {
		return
	}
	d.flow(d.lines(text, styleTitle, textWidth), styleTitle, AlignCenter)
	d.y += gapAfterTitle
}

// Subtitle draws a centred line under the title, e.g. the document number
// "（2026）园劳调字第12号".
func (d *Doc) Subtitle(text string) {
	if !d.ok() || text == "" {
		return
	}
	d.flow(d.lines(text, styleSubtitle, textWidth), styleSubtitle, AlignCenter)
	d.y += gapAfterTitle
}

// Heading draws a bold section heading. It is never left alone at the foot
// of a page: at least one body line must fit under it.
func (d *Doc) Heading(text string) {
	if !d.ok() || text == "" {
		return
	}
	lines := d.lines(text, styleHeading, textWidth)
	if !d.atTop() {
		d.y += gapBeforeHeading
	}
	d.ensure(float64(len(lines))*styleHeading.lineHeight() + styleBody.lineHeight())
	d.flow(lines, styleHeading, AlignLeft)
	d.y += 1
}

// Paragraph draws body text wrapped to the text width. Each "\n" starts a
// new paragraph. In Chinese documents every paragraph's first line is
// indented by two characters, as Chinese typesetting requires; in English
// ones it is not.
func (d *Doc) Paragraph(text string) {
	if !d.ok() {
		return
	}
	indent := ""
	if d.meta.Lang == Chinese {
		indent = "\u3000\u3000" // two ideographic spaces: two character widths
	}
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		d.flow(d.lines(indent+p, styleBody, textWidth), styleBody, AlignLeft)
		d.y += gapAfterParagraph
	}
}

// Note draws small grey text without indent, for remarks and disclaimers.
func (d *Doc) Note(text string) {
	if !d.ok() || text == "" {
		return
	}
	d.flow(d.lines(text, styleNote, textWidth), styleNote, AlignLeft)
	d.y += gapAfterParagraph
}

// labelText adds the colon of the document's language to a label unless the
// caller wrote one.
func (d *Doc) labelText(label string) string {
	if label == "" || strings.HasSuffix(label, "：") || strings.HasSuffix(label, ":") {
		return label
	}
	if d.meta.Lang == English {
		return label + ": "
	}
	return label + "："
}

// KeyValues draws label/value lines such as "申请人：张三": bold labels in a
// column as wide as the widest label (at most 40% of the line), values
// wrapped beside them. A colon is added to labels that lack one.
func (d *Doc) KeyValues(pairs [][2]string) {
	if !d.ok() || len(pairs) == 0 {
		return
	}
	label := styleBody
	label.bold = true
	labelW := 0.0
	for _, p := range pairs {
		labelW = max(labelW, d.width(d.labelText(p[0]), label))
	}
	labelW = min(labelW, textWidth*0.4)
	valueW := textWidth - labelW
	h := styleBody.lineHeight()
	for _, p := range pairs {
		ls := d.lines(d.labelText(p[0]), label, labelW)
		vs := d.lines(p[1], styleBody, valueW)
		for i := 0; i < max(len(ls), len(vs)); i++ {
			d.ensure(h)
			if i < len(ls) {
				d.text(marginLeft, d.y, labelW, h, ls[i], label, AlignLeft)
			}
			if i < len(vs) {
				d.text(marginLeft+labelW, d.y, valueW, h, vs[i], styleBody, AlignLeft)
			}
			d.y += h
		}
	}
	d.y += gapAfterParagraph
}

// Spacer leaves mm millimetres of vertical space (or ends the page).
func (d *Doc) Spacer(mm float64) {
	if !d.ok() || mm <= 0 {
		return
	}
	d.y += mm
	if d.y > bodyBottom {
		d.newPage()
	}
}

// Rule draws a thin horizontal line across the text width.
func (d *Doc) Rule() {
	if !d.ok() {
		return
	}
	d.ensure(3)
	d.rule(d.y+1.5, ColorRule, 0.3)
	d.y += 3
}

// PageBreak starts a new page, unless the current one is still empty.
func (d *Doc) PageBreak() {
	if !d.ok() || d.atTop() {
		return
	}
	d.newPage()
}

// badgeHeight is the height of a badge in mm.
const badgeHeight = 6.0

// drawBadge draws a filled box with white bold text at x on the current
// line of height h and returns its width.
func (d *Doc) drawBadge(x, h float64, text string, c Color) float64 {
	w := d.width(text, styleBadge) + 5
	top := d.y + (h-badgeHeight)/2
	d.fillRect(x, top, w, badgeHeight, c)
	d.text(x, top, w, badgeHeight, text, styleBadge, AlignCenter)
	return w
}

// Badge draws a coloured label on its own line, e.g. a risk level
// ("高风险" on ColorRed).
func (d *Doc) Badge(text string, c Color) {
	d.KeyBadge("", text, c)
}

// KeyBadge draws a bold label followed by a coloured badge on one line,
// e.g. "总体风险等级：" then "中风险" on ColorAmber.
func (d *Doc) KeyBadge(label, text string, c Color) {
	if !d.ok() || text == "" {
		return
	}
	h := max(styleBody.lineHeight(), badgeHeight+1)
	d.ensure(h)
	x := marginLeft
	if label != "" {
		ls := styleBody
		ls.bold = true
		label = d.labelText(label)
		w := d.width(label, ls)
		d.text(x, d.y, w, h, label, ls, AlignLeft)
		x += w
	}
	d.drawBadge(x, h, text, c)
	d.y += h + gapAfterParagraph
}

// SignatureBlock draws signature, seal and date lines at the right, each
// right-aligned (so blanks such as "__________" line up) in a block that ends
// two characters before the right margin, as the date line does in Chinese
// official documents (GB/T 9704). The block is kept on one page.
func (d *Doc) SignatureBlock(lines ...string) {
	if !d.ok() || len(lines) == 0 {
		return
	}
	s := styleBody
	h := s.lineHeight() * 1.2
	blockW := 0.0
	for _, l := range lines {
		blockW = max(blockW, d.width(l, s))
	}
	blockW = min(blockW, textWidth)
	indent := min(2*s.size*mmPerPt, textWidth-blockW)
	x := pageWidth - marginRight - indent - blockW
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, d.lines(l, s, blockW)...)
	}
	const gapBefore = 8.0
	d.ensure(gapBefore + float64(len(wrapped))*h)
	if !d.atTop() {
		d.y += gapBefore
	}
	for _, l := range wrapped {
		d.text(x, d.y, blockW, h, l, s, AlignRight)
		d.y += h
	}
	d.y += gapAfterBlock
}
