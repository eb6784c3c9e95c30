package portal

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/internal/money"
)

// exportLimit bounds one export; narrow the filters for more.
const exportLimit = 50000

// exportColumns are the case export's columns: header key and the cell.
var exportColumns = []struct {
	key  string
	cell func(v *View, it *arbitration.ListItem) any
}{
	{"field.number", func(_ *View, it *arbitration.ListItem) any { return it.Number }},
	{"field.title", func(_ *View, it *arbitration.ListItem) any { return it.Title }},
	{"field.kind", func(v *View, it *arbitration.ListItem) any { return v.T("kind." + string(it.Kind)) }},
	{"field.categories", func(v *View, it *arbitration.ListItem) any { return v.Categories(it.Categories) }},
	{"field.state", func(v *View, it *arbitration.ListItem) any { return v.State(it.State) }},
	{"field.window", func(v *View, it *arbitration.ListItem) any { return v.T("window." + string(it.Window)) }},
	{"field.received_at", func(_ *View, it *arbitration.ListItem) any { return civil(it.ReceivedAt) }},
	{"field.claim_total", func(_ *View, it *arbitration.ListItem) any { return yuan(it.ClaimTotal) }},
	{"field.recovered", func(_ *View, it *arbitration.ListItem) any { return yuan(it.Recovered) }},
	{"field.outcome", func(v *View, it *arbitration.ListItem) any {
		if it.Outcome == "" {
			return ""
		}
		return v.T("outcome." + it.Outcome)
	}},
	{"field.resolved_at", func(_ *View, it *arbitration.ListItem) any { return civil(it.ResolvedAt) }},
}

// civil is the day of t in China as a date-only time (spreadsheet date
// cell), or nil when t is zero.
func civil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return clock.DateOf(t).Time()
}

// yuan is an amount in fen for a money cell: a number of yuan in the
// spreadsheet, "12345.67" in CSV.
type yuan int64

func (s *Server) exportRows(c *fiber.Ctx) (*View, []arbitration.ListItem, error) {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return nil, nil, bindError(err)
	}
	items, err := s.svc.Cases.Export(c.UserContext(), actorOf(c), f, exportLimit)
	return s.view(c, "cases.title"), items, err
}

// caseExportXLSX exports the filtered case list as a spreadsheet with
// number and date cells and headers in the user's language.
func (s *Server) caseExportXLSX(c *fiber.Ctx) error {
	v, items, err := s.exportRows(c)
	if err != nil {
		return err
	}
	x := excelize.NewFile()
	defer x.Close()
	sheet := v.T("cases.title")
	x.SetSheetName("Sheet1", sheet)
	dateStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 14, CustomNumFmt: strPtr("yyyy-mm-dd")})
	moneyStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: strPtr("#,##0.00")})
	headStyle, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	w, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	head := make([]any, len(exportColumns))
	for i, col := range exportColumns {
		head[i] = excelize.Cell{StyleID: headStyle, Value: v.T(col.key)}
	}
	if err := w.SetRow("A1", head); err != nil {
		return err
	}
	for r := range items {
		row := make([]any, len(exportColumns))
		for i, col := range exportColumns {
			switch val := col.cell(v, &items[r]).(type) {
			case time.Time:
				row[i] = excelize.Cell{StyleID: dateStyle, Value: val}
			case yuan:
				row[i] = excelize.Cell{StyleID: moneyStyle, Value: float64(val) / 100}
			default:
				row[i] = val
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
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="cases.xlsx"`)
	return c.Send(buf.Bytes())
}

// caseExportCSV exports the filtered case list as CSV in UTF-8 with a byte
// order mark, so spreadsheet programs read the Chinese correctly.
func (s *Server) caseExportCSV(c *fiber.Ctx) error {
	v, items, err := s.exportRows(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	head := make([]string, len(exportColumns))
	for i, col := range exportColumns {
		head[i] = v.T(col.key)
	}
	w.Write(head)
	for r := range items {
		row := make([]string, len(exportColumns))
		for i, col := range exportColumns {
			switch val := col.cell(v, &items[r]).(type) {
			case nil:
			case time.Time:
				row[i] = val.Format("2006-01-02")
			case yuan:
				row[i] = money.Plain(int64(val))
			default:
				row[i] = fmt.Sprint(val)
			}
		}
		w.Write(row)
	}
	w.Flush()
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="cases.csv"`)
	return c.Send(buf.Bytes())
}

func strPtr(s string) *string { return &s }
