package portal

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"parkportal/arbitration/clock"
	"parkportal/internal/money"
)

// exportLimit bounds one export; narrow the filters for more.
const exportLimit = 50000

// table is what an export writes: headers in the user's language and rows
// of cells. A cell is a string, an int, a yuan amount (shown as a number
// with two decimals) or a date (a date cell), or nil for empty.
type table struct {
	name    string // file name without extension; also the sheet name's key
	sheet   string
	headers []string
	rows    [][]any
}

// yuan is an amount in fen for a money cell: a number of yuan in the
// spreadsheet, "12345.67" in CSV.
type yuan int64

// civil is the day of t in China as a date cell, or nil when t is zero.
func civil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return clock.DateOf(t).Time()
}

// civilDate is a civil date stored as midnight UTC, as a date cell.
func civilDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return clock.NewDate(t.Year(), t.Month(), t.Day()).Time()
}

// YesNo shows a boolean in the page's language.
func (v *View) YesNo(b bool) string {
	if b {
		return v.T("yes")
	}
	return v.T("no")
}

// sendXLSX writes the table as a spreadsheet with bold headers, date cells
// and two-decimal number cells.
func sendXLSX(c *fiber.Ctx, t table) error {
	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetName("Sheet1", t.sheet)
	dateFmt, moneyFmt := "yyyy-mm-dd", "#,##0.00"
	dateStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	moneyStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &moneyFmt})
	headStyle, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	w, err := x.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	head := make([]any, len(t.headers))
	for i, h := range t.headers {
		head[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := w.SetRow("A1", head); err != nil {
		return err
	}
	for r, cells := range t.rows {
		row := make([]any, len(cells))
		for i, val := range cells {
			switch v := val.(type) {
			case time.Time:
				row[i] = excelize.Cell{StyleID: dateStyle, Value: v}
			case yuan:
				row[i] = excelize.Cell{StyleID: moneyStyle, Value: float64(v) / 100}
			default:
				row[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := w.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+t.name+`.xlsx"`)
	return c.Send(buf.Bytes())
}

// sendCSV writes the table as CSV in UTF-8 with a byte order mark, so
// spreadsheet programs read the Chinese correctly.
func sendCSV(c *fiber.Ctx, t table) error {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Write(t.headers)
	for _, cells := range t.rows {
		row := make([]string, len(cells))
		for i, val := range cells {
			switch v := val.(type) {
			case nil:
			case time.Time:
				row[i] = v.Format("2006-01-02")
			case yuan:
				row[i] = money.Plain(int64(v))
			default:
				row[i] = fmt.Sprint(v)
			}
		}
		w.Write(row)
	}
	w.Flush()
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+t.name+`.csv"`)
	return c.Send(buf.Bytes())
}

// exporter turns a table builder into the XLSX and CSV handlers.
func exporter(build func(s *Server, c *fiber.Ctx) (table, error)) (xlsx, csv func(s *Server) fiber.Handler) {
	xlsx = func(s *Server) fiber.Handler {
		return func(c *fiber.Ctx) error {
			t, err := build(s, c)
			if err != nil {
				return err
			}
			return sendXLSX(c, t)
		}
	}
	csv = func(s *Server) fiber.Handler {
		return func(c *fiber.Ctx) error {
			t, err := build(s, c)
			if err != nil {
				return err
			}
			return sendCSV(c, t)
		}
	}
	return xlsx, csv
}
