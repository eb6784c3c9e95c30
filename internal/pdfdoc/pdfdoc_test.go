package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signintech/gopdf"
)

var fixedTime = time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)

const mixedParagraph = "申请人张三（Zhang San）与被申请人园区某某科技有限公司（Mouhe Tech Co., Ltd.）因拖欠2026年3月至5月工资及加班费发生争议。" +
	"经调解，双方自愿达成如下协议：被申请人于2026年12月15日前一次性支付申请人工资及经济补偿共计¥12,345.67元（大写：壹万贰仟叁佰肆拾伍元陆角柒分），" +
	"依据《中华人民共和国劳动合同法》第四十七条 (Labour Contract Law, Article 47) 计算。"

// sampleRows returns n checkup findings with alternating risk levels.
func sampleRows(n int) ([][]string, []Color) {
	levels := []struct {
		name string
		c    Color
	}{{"高", ColorRed}, {"中", ColorAmber}, {"低", ColorGreen}}
	var rows [][]string
	var colours []Color
	for i := 1; i <= n; i++ {
		lv := levels[i%3]
		finding := fmt.Sprintf("第%d项：劳动合同未载明工作地点及劳动报酬支付方式，试用期约定超过法定期限", i)
		if i%4 == 0 {
			finding += "；员工手册未经民主程序制定并公示（Employee handbook not adopted through the statutory democratic procedure）"
		}
		rows = append(rows, []string{
			strconv.Itoa(i),
			finding,
			lv.name,
			fmt.Sprintf("《劳动合同法》第%d条", 17+i%30),
		})
		colours = append(colours, lv.c)
	}
	return rows, colours
}

// buildSample renders a document using every block; rows sets the length
// of the findings table.
func buildSample(t testing.TB, lang Lang, rows int) *Doc {
	t.Helper()
	d, err := New(Meta{
		Title:   "劳动争议调解协议书",
		Subject: "调解协议",
		Author:  "园区劳动争议调解委员会",
		Footer:  "（2026）园劳调字第0012号",
		Lang:    lang,
		Created: fixedTime,
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Title("劳动争议调解协议书")
	d.Subtitle("（2026）园劳调字第0012号")
	d.KeyValues([][2]string{
		{"申请人", "张三，男，1990年5月出生，汉族，住江苏省苏州市工业园区星湖街328号，身份证号码320500199005120000"},
		{"被申请人", "园区某某科技有限公司（Mouhe Tech Co., Ltd.），统一社会信用代码91320594MA1XXXXX0X"},
		{"法定代表人", "李四，总经理"},
	})
	d.Heading("一、争议事项")
	d.Paragraph(mixedParagraph)
	d.KeyBadge("总体风险等级", "中风险", ColorAmber)
	d.Heading("二、体检发现")
	data, colours := sampleRows(rows)
	d.TableWithFill([]Column{
		{Header: "序号", Width: 12, Align: AlignCenter},
		{Header: "问题描述", Align: AlignLeft},
		{Header: "风险等级", Width: 18, Align: AlignCenter},
		{Header: "法律依据", Width: 40},
	}, data, func(row, col int) (Color, bool) {
		if col == 2 {
			return colours[row].Light(), true
		}
		return Color{}, false
	})
	d.Heading("三、履行方式")
	d.Paragraph("被申请人通过银行转账方式支付至申请人名下账户（账号 6222 0210 0100 1234 567）。\n本协议一式三份，双方当事人各执一份，调解委员会存档一份，自双方签字（盖章）之日起生效。")
	d.Note("注：本协议经双方当事人签名或者盖章，并经调解员签名、加盖调解组织印章后生效（《劳动争议调解仲裁法》第十四条）。")
	d.SignatureBlock("申请人（签名）：__________", "被申请人（盖章）：__________", "调解员（签名）：__________", "园区劳动争议调解委员会（印章）", "2026年11月25日")
	return d
}

// pdftotext runs poppler's pdftotext on pdf with the given flags. Reading
// the file back with a real reader is the only proof the text survived.
func pdftotext(t *testing.T, pdf []byte, flags ...string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils); the PDF tests need a real reader")
	}
	f, err := os.CreateTemp(t.TempDir(), "*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(pdf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command(bin, append(flags, f.Name(), "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

func TestRenderReadBack(t *testing.T) {
	d := buildSample(t, Chinese, 40)
	pdf, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages() < 3 {
		t.Fatalf("the sample has %d pages; the table must span several pages", d.Pages())
	}
	text := pdftotext(t, pdf, "-layout")
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	if len(pages) != d.Pages() {
		t.Fatalf("reader sees %d pages, the document counted %d", len(pages), d.Pages())
	}
	all := noSpace(text)
	for _, want := range []string{
		"劳动争议调解协议书",
		noSpace(mixedParagraph), // the whole paragraph, across its wrapped lines
		"¥12,345.67元",
		"LabourContractLaw,Article47",
		"91320594MA1XXXXX0X",
		"6222021001001234567",
		"第40项",
		"2026年11月25日",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("reader text lacks %q", want)
		}
	}
	for i, p := range pages {
		footer := fmt.Sprintf("第%d页/共%d页", i+1, d.Pages())
		if !strings.Contains(noSpace(p), footer) {
			t.Errorf("page %d: footer %q missing", i+1, footer)
		}
		if !strings.Contains(noSpace(p), "（2026）园劳调字第0012号") {
			t.Errorf("page %d: document number missing from the footer", i+1)
		}
	}
	// Only the right page labels: no "共 N 页" with another N.
	re := regexp.MustCompile(`共(\d+)页`)
	for _, m := range re.FindAllStringSubmatch(all, -1) {
		if m[1] != strconv.Itoa(d.Pages()) {
			t.Errorf("footer says %s pages, document has %d", m[0], d.Pages())
		}
	}
	// The header row is repeated on every page the table reaches.
	tablePages := 0
	for _, p := range pages {
		if strings.Contains(p, "第") && strings.Contains(noSpace(p), "项：劳动合同") {
			tablePages++
			if !strings.Contains(noSpace(p), "序号") || !strings.Contains(noSpace(p), "问题描述") {
				t.Errorf("a table page lacks the header row:\n%s", p)
			}
		}
	}
	if tablePages < 2 {
		t.Errorf("table reached %d page(s), want several", tablePages)
	}
	// Every row number 1..40 appears exactly once as a finding.
	for i := 1; i <= 40; i++ {
		if n := strings.Count(all, fmt.Sprintf("第%d项：", i)); n != 1 {
			t.Errorf("finding %d appears %d times", i, n)
		}
	}
}

// TestTextStaysInsideMargins reads the word boxes back and checks no text
// crosses the left or right margin.
func TestTextStaysInsideMargins(t *testing.T) {
	d := buildSample(t, Chinese, 12)
	d.Paragraph(strings.Repeat("Supercalifragilisticexpialidocious", 10))
	d.Paragraph(strings.Repeat("当事人对仲裁裁决不服的，可以自收到仲裁裁决书之日起十五日内向人民法院提起诉讼。", 6))
	pdf, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	bbox := pdftotext(t, pdf, "-bbox")
	re := regexp.MustCompile(`xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`)
	const pt = 72 / 25.4
	left, right := marginLeft*pt-0.5, (pageWidth-marginRight)*pt+0.5
	words := re.FindAllStringSubmatch(bbox, -1)
	if len(words) < 100 {
		t.Fatalf("only %d words read back", len(words))
	}
	for _, m := range words {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		if x0 < left || x1 > right {
			t.Errorf("word box %.1f–%.1f pt outside the margins %.1f–%.1f pt", x0, x1, left, right)
		}
	}
}

func TestEnglishFooter(t *testing.T) {
	d, err := New(Meta{Title: "Monthly report", Footer: "RPT-2026-11", Lang: English, Created: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	d.Title("Monthly Report, November 2026")
	d.KeyValues([][2]string{{"Park", "Suzhou Industrial Park"}, {"Cases closed", "17"}})
	d.PageBreak()
	d.Paragraph("Second page.")
	pdf, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, pdf, "-layout")
	for _, want := range []string{"Page 1 of 2", "Page 2 of 2", "RPT-2026-11", "Park:", "Suzhou Industrial Park"} {
		if !strings.Contains(text, want) {
			t.Errorf("reader text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "页") {
		t.Errorf("English document has Chinese footer words")
	}
}

func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		want Lang
		ok   bool
	}{
		{"", Chinese, true}, {"zh", Chinese, true}, {"zh-CN", Chinese, true}, {"en", English, true},
		{"en-US", English, true}, {"fr", "", false}, {"zhx", "", false}, {"english", "", false},
	} {
		got, err := parseLang(tc.lang)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseLang(%q) = %q, %v; want %q, ok %v", tc.lang, got, err, tc.want, tc.ok)
		}
	}
	if _, err := New(Meta{Lang: "fr"}); err == nil {
		t.Error("New accepted an unsupported language")
	}
	for _, tc := range []struct {
		name  string
		build func(d *Doc)
	}{
		{"columns wider than the page", func(d *Doc) {
			d.Table([]Column{{Header: "a", Width: 120}, {Header: "b", Width: 80}}, [][]string{{"1", "2"}})
		}},
		{"row with more cells than columns", func(d *Doc) {
			d.Table([]Column{{Header: "a"}}, [][]string{{"1", "2"}})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New(Meta{})
			if err != nil {
				t.Fatal(err)
			}
			tc.build(d)
			d.Paragraph("after the error nothing more is drawn")
			if _, err := d.Bytes(); err == nil {
				t.Fatal("Bytes succeeded; want the table error")
			}
		})
	}
	t.Run("content after Bytes", func(t *testing.T) {
		d, err := New(Meta{})
		if err != nil {
			t.Fatal(err)
		}
		d.Paragraph("正文")
		first, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		again, err := d.Bytes()
		if err != nil || !bytes.Equal(first, again) {
			t.Fatalf("second Bytes differs or fails: %v", err)
		}
		d.Paragraph("too late")
		if !errors.Is(d.Err(), ErrFinished) {
			t.Fatalf("Err() = %v, want ErrFinished", d.Err())
		}
	})
}

func TestPageBreaks(t *testing.T) {
	tests := []struct {
		name  string
		build func(d *Doc)
		pages int
	}{
		{"empty document has one page", func(d *Doc) {}, 1},
		{"page break on an empty page is ignored", func(d *Doc) { d.PageBreak() }, 1},
		{"page break after content", func(d *Doc) { d.Paragraph("一"); d.PageBreak(); d.Paragraph("二") }, 2},
		{"spacer past the bottom leaves an empty page", func(d *Doc) { d.Paragraph("一"); d.Spacer(400); d.PageBreak() }, 2},
		{"long paragraph flows over pages", func(d *Doc) {
			d.Paragraph(strings.Repeat("劳动争议调解协议书。", 400))
		}, 3},
		{"a cell taller than a page is split", func(d *Doc) {
			d.Table([]Column{{Header: "说明"}}, [][]string{{strings.Repeat("很长的单元格内容。", 600)}})
		}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(Meta{})
			if err != nil {
				t.Fatal(err)
			}
			tt.build(d)
			pdf, err := d.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if d.Pages() != tt.pages {
				t.Fatalf("pages = %d, want %d", d.Pages(), tt.pages)
			}
			pages := strings.Split(strings.TrimRight(pdftotext(t, pdf, "-layout"), "\f\n"), "\f")
			if len(pages) != tt.pages {
				t.Fatalf("reader sees %d pages, want %d", len(pages), tt.pages)
			}
			for i, p := range pages {
				if want := fmt.Sprintf("第%d页/共%d页", i+1, tt.pages); !strings.Contains(noSpace(p), want) {
					t.Errorf("page %d lacks footer %q:\n%s", i+1, want, p)
				}
			}
		})
	}
}

// TestConcurrentDocuments builds documents in parallel over the shared
// parsed fonts; each must equal the one built alone (run with -race).
func TestConcurrentDocuments(t *testing.T) {
	want, err := buildSample(t, Chinese, 10).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = buildSample(t, Chinese, 10).Bytes()
		}()
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("document %d built concurrently differs from the one built alone", i)
		}
	}
}

// TestWriteSample writes /tmp/pdfdoc-sample.pdf for a human to look at when
// PDFDOC_SAMPLE is set.
func TestWriteSample(t *testing.T) {
	path := os.Getenv("PDFDOC_SAMPLE")
	if path == "" {
		t.Skip("set PDFDOC_SAMPLE=/tmp/pdfdoc-sample.pdf to write a sample")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := buildSample(t, Chinese, 40).WriteTo(f); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkFortyRowReport measures a typical report: label lines,
// paragraphs, and a 40-row table over several pages (fonts already parsed).
func BenchmarkFortyRowReport(b *testing.B) {
	if _, err := loadFonts(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		pdf, err := buildSample(b, Chinese, 40).Bytes()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(pdf))/1024, "KiB/doc")
	}
}

// BenchmarkParseFont shows what loadFonts saves each document: parsing one
// embedded 10 MB TTF.
func BenchmarkParseFont(b *testing.B) {
	for b.Loop() {
		c := &gopdf.FontContainer{}
		if err := c.AddTTFFontData(familyRegular, regularTTF); err != nil {
			b.Fatal(err)
		}
	}
}
