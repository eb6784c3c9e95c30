package pdfdoc

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/signintech/gopdf"
)

// The fonts are Noto Sans SC (SIL Open Font License 1.1, fonts/OFL.txt) as
// TrueType: gopdf reads only TrueType, and has no font fallback, so one font
// must carry both the Chinese and the Latin glyphs.
var (
	//go:embed fonts/NotoSansSC_400Regular.ttf
	regularTTF []byte
	//go:embed fonts/NotoSansSC_700Bold.ttf
	boldTTF []byte
)

// Font family names registered in every document.
const (
	familyRegular = "NotoSansSC"
	familyBold    = "NotoSansSC-Bold"
)

// fontSet is the process-wide parsed fonts. Parsing one 10 MB TTF costs
// about 5 ms (BenchmarkParseFont), so it is done once: gopdf's FontContainer
// keeps the parsed tables, and AddTTFFontFromFontContainer gives each
// document its own subset (its own glyph map) over those tables, which gopdf
// only reads afterwards (TestConcurrentDocuments checks this under -race).
// Most of the remaining time per document is gopdf deflating the two font
// subsets when the file is written.
type fontSet struct {
	container *gopdf.FontContainer

	// measurer is a private document used only to look up glyph widths; mu
	// guards it because gopdf documents are not safe for concurrent use.
	mu       sync.Mutex
	measurer *gopdf.GoPdf
	// widths caches the advance width of a rune in em (1/1000 font units / 1000)
	// per weight: [0] regular, [1] bold.
	widths [2]sync.Map
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
	fontsErr  error
)

// loadFonts parses the embedded fonts on first use.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		c := &gopdf.FontContainer{}
		if err := c.AddTTFFontData(familyRegular, regularTTF); err != nil {
			fontsErr = fmt.Errorf("pdfdoc: parse regular font: %w", err)
			return
		}
		if err := c.AddTTFFontData(familyBold, boldTTF); err != nil {
			fontsErr = fmt.Errorf("pdfdoc: parse bold font: %w", err)
			return
		}
		m := &gopdf.GoPdf{}
		m.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
		for _, fam := range []string{familyRegular, familyBold} {
			if err := m.AddTTFFontFromFontContainer(fam, c); err != nil {
				fontsErr = fmt.Errorf("pdfdoc: register font: %w", err)
				return
			}
		}
		fonts = &fontSet{container: c, measurer: m}
	})
	return fonts, fontsErr
}

// register adds both weights to a new document.
func (f *fontSet) register(gp *gopdf.GoPdf) error {
	for _, fam := range []string{familyRegular, familyBold} {
		if err := gp.AddTTFFontFromFontContainer(fam, f.container); err != nil {
			return fmt.Errorf("pdfdoc: register font %s: %w", fam, err)
		}
	}
	return nil
}

// runeEm returns the advance width of r in em for the given weight. A rune
// the font lacks is drawn by gopdf as a space, so it measures as a space.
func (f *fontSet) runeEm(r rune, bold bool) float64 {
	i := 0
	if bold {
		i = 1
	}
	if w, ok := f.widths[i].Load(r); ok {
		return w.(float64)
	}
	fam := familyRegular
	if bold {
		fam = familyBold
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// At 1000 pt one PDF glyph unit is one point, so this is exactly the
	// width gopdf uses when it places the text.
	var w float64
	if err := f.measurer.SetFont(fam, "", 1000); err == nil {
		if pt, err := f.measurer.MeasureTextWidth(string(r)); err == nil {
			w = pt / 1000
		}
	}
	f.widths[i].Store(r, w)
	return w
}
