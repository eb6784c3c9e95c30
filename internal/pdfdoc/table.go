package pdfdoc

import (
	"fmt"
	"math"
)

// Column describes one table column.
type Column struct {
	Header string
	// Width is a fraction of the text width when 0 < Width <= 1, millimetres
	// when Width > 1, and an equal share of what is left when 0.
	Width float64
	// Align places the body text; headers are always centred.
	Align Align
}

// FillFunc chooses the background of a body cell; ok false leaves it white.
// row and col count from 0 over the rows passed to the table.
type FillFunc func(row, col int) (c Color, ok bool)

// Cell padding and border, in mm.
const (
	cellPadX    = 1.8
	cellPadY    = 1.3
	borderWidth = 0.25
)

// Table draws a bordered table. Cell text wraps within its column, a row is
// as tall as its tallest cell, and when the table continues on a new page
// the header row is drawn again. A row taller than a page is split.
func (d *Doc) Table(cols []Column, rows [][]string) {
	d.TableWithFill(cols, rows, nil)
}

// TableWithFill is Table with a background colour per body cell, e.g. the
// risk level column of a checkup report (ColorRed.Light() for high risk).
func (d *Doc) TableWithFill(cols []Column, rows [][]string, fill FillFunc) {
	if !d.ok() || len(cols) == 0 {
		return
	}
	widths, err := columnWidths(cols, textWidth)
	if err != nil {
		d.fail(err)
		return
	}
	for i, row := range rows {
		if len(row) > len(cols) {
			d.fail(fmt.Errorf("pdfdoc: table row %d has %d cells for %d columns", i, len(row), len(cols)))
			return
		}
	}
	t := table{d: d, widths: widths, lh: styleCell.lineHeight()}
	t.header = make([][]string, len(cols))
	for i, c := range cols {
		t.header[i] = d.lines(c.Header, styleHeader, widths[i]-2*cellPadX)
	}
	t.headerH = float64(maxLen(t.header))*t.lh + 2*cellPadY

	d.ensure(t.headerH + t.lh + 2*cellPadY)
	t.drawHeader()
	for r, row := range rows {
		cells := make([][]string, len(cols))
		for c := range cols {
			if c < len(row) {
				cells[c] = d.lines(row[c], styleCell, widths[c]-2*cellPadX)
			}
		}
		n := maxLen(cells)
		rowH := float64(n)*t.lh + 2*cellPadY
		// Move a row that fits on a page to the next one rather than split it.
		if rowH > d.room() && rowH <= bodyBottom-marginTop-t.headerH {
			t.newPage()
		}
		for start := 0; start < n; {
			k := int(math.Floor((d.room() - 2*cellPadY + 1e-6) / t.lh))
			if k < 1 {
				t.newPage()
				continue
			}
			k = min(k, n-start)
			var bg []*Color
			if fill != nil {
				bg = make([]*Color, len(cols))
				for c := range cols {
					if col, ok := fill(r, c); ok {
						bg[c] = &col
					}
				}
			}
			t.drawRow(cells, start, k, k == n, bg, cols)
			start += k
			if start < n {
				t.newPage()
			}
		}
	}
	d.y += gapAfterBlock
}

// table holds the state of one table while it is drawn.
type table struct {
	d       *Doc
	widths  []float64
	lh      float64
	header  [][]string
	headerH float64
}

// newPage continues the table on a new page, under a repeated header.
func (t *table) newPage() {
	t.d.newPage()
	t.drawHeader()
}

func (t *table) drawHeader() {
	d := t.d
	x := marginLeft
	for i, w := range t.widths {
		d.fillRect(x, d.y, w, t.headerH, colorHeader)
		top := d.y + (t.headerH-float64(len(t.header[i]))*t.lh)/2
		for j, l := range t.header[i] {
			d.text(x+cellPadX, top+float64(j)*t.lh, w-2*cellPadX, t.lh, l, styleHeader, AlignCenter)
		}
		d.strokeRect(x, d.y, w, t.headerH, ColorRule, borderWidth)
		x += w
	}
	d.y += t.headerH
}

// drawRow draws lines [start, start+k) of every cell as one band. whole is
// true when the band is the entire row: short cells are then centred
// vertically; a split row is top-aligned so its parts line up.
func (t *table) drawRow(cells [][]string, start, k int, whole bool, bg []*Color, cols []Column) {
	d := t.d
	h := float64(k)*t.lh + 2*cellPadY
	x := marginLeft
	for c, w := range t.widths {
		if bg != nil && bg[c] != nil {
			d.fillRect(x, d.y, w, h, *bg[c])
		}
		top := d.y + cellPadY
		if whole {
			top += float64(k-len(cells[c])) * t.lh / 2
		}
		for j := start; j < start+k && j < len(cells[c]); j++ {
			d.text(x+cellPadX, top+float64(j-start)*t.lh, w-2*cellPadX, t.lh, cells[c][j], styleCell, cols[c].Align)
		}
		d.strokeRect(x, d.y, w, h, ColorRule, borderWidth)
		x += w
	}
	d.y += h
}

// columnWidths resolves Column.Width into millimetres for a table of the
// given total width.
func columnWidths(cols []Column, total float64) ([]float64, error) {
	widths := make([]float64, len(cols))
	used, auto := 0.0, 0
	for i, c := range cols {
		switch {
		case c.Width < 0:
			return nil, fmt.Errorf("pdfdoc: column %d has negative width %g", i, c.Width)
		case c.Width == 0:
			auto++
		case c.Width <= 1:
			widths[i] = c.Width * total
		default:
			widths[i] = c.Width
		}
		used += widths[i]
	}
	if used > total+1e-6 {
		return nil, fmt.Errorf("pdfdoc: table columns are %.1f mm wide, the line is %.1f mm", used, total)
	}
	if auto > 0 {
		share := (total - used) / float64(auto)
		if share < 2*cellPadX+3 {
			return nil, fmt.Errorf("pdfdoc: no room left for %d auto-width columns", auto)
		}
		for i, c := range cols {
			if c.Width == 0 {
				widths[i] = share
			}
		}
	}
	for i, w := range widths {
		if w < 2*cellPadX+3 {
			return nil, fmt.Errorf("pdfdoc: column %d is too narrow (%.1f mm)", i, w)
		}
	}
	return widths, nil
}

// maxLen returns the length of the longest slice, at least 1.
func maxLen(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}
