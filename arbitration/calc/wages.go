package calc

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gopkg.in/yaml.v3"

	"parkportal/arbitration/clock"
	"parkportal/internal/money"
)

// Locality is a place whose wage figures are configured: the city (设区的市)
// that publishes the average wage LCL art. 47 refers to, or the county whose
// minimum-wage tier applies.
type Locality struct {
	ID     string `json:"id"`
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
	// Demo marks illustrative figures that are not the official ones.
	Demo bool `json:"demo"`
}

// Name returns the locality's name in lang.
func (l Locality) Name(lang string) string { return Text{l.NameZH, l.NameEN}.In(lang) }

// Figure is one published amount and the date from which it applies.
type Figure struct {
	From      clock.Date `json:"from"`
	AmountFen int64      `json:"amount_fen"`
	// Source says where the figure comes from (document, date published).
	Source string `json:"source"`
}

// Wages are a locality's figures in force on one date.
type Wages struct {
	Locality Locality   `json:"locality"`
	On       clock.Date `json:"on"`
	// Minimum is the monthly minimum wage (月最低工资标准): the floor of the
	// compensation wage base (implementing regulations art. 27) and the unit
	// of the final-award cap (LDMAL art. 47).
	Minimum Figure `json:"minimum_wage"`
	// Average is the average monthly wage of the previous year published by
	// the city government (上年度职工月平均工资), the unit of the 3× cap of
	// LCL art. 47.
	Average Figure `json:"average_wage"`
}

// Series is one locality's full configuration, for display and the API.
type Series struct {
	Locality
	Minimum []Figure `json:"minimum_wage"`
	Average []Figure `json:"average_wage"`
}

// Table is a validated wage configuration. It is read-only once loaded.
type Table struct {
	// Default is the locality used when a request names none.
	Default string
	series  []Series
	byID    map[string]int
}

// Errors of Lookup; test with errors.Is.
var (
	ErrUnknownLocality = errors.New("unknown locality")
	ErrNoFigure        = errors.New("no wage figure in force on that date")
)

// Localities lists the configured localities with every figure, in file order.
func (t *Table) Localities() []Series { return slices.Clone(t.series) }

// Has reports whether a locality is configured.
func (t *Table) Has(id string) bool { _, ok := t.byID[id]; return ok }

// Lookup returns the figures of locality in force on date: for each series
// the figure with the latest From on or before date. An unknown locality or a
// date before the first figure of either series is an error (ErrUnknownLocality,
// ErrNoFigure) that says which.
func (t *Table) Lookup(locality string, date clock.Date) (Wages, error) {
	i, ok := t.byID[locality]
	if !ok {
		known := make([]string, len(t.series))
		for j, s := range t.series {
			known[j] = s.ID
		}
		return Wages{}, fmt.Errorf("%w %q (configured: %s)", ErrUnknownLocality, locality, strings.Join(known, ", "))
	}
	s := t.series[i]
	w := Wages{Locality: s.Locality, On: date}
	var err error
	if w.Minimum, err = inForce(s.Minimum, date); err != nil {
		return Wages{}, fmt.Errorf("%s: monthly minimum wage: %w", s.ID, err)
	}
	if w.Average, err = inForce(s.Average, date); err != nil {
		return Wages{}, fmt.Errorf("%s: average monthly wage: %w", s.ID, err)
	}
	return w, nil
}

// inForce picks the figure in force on date from figures sorted by From.
func inForce(figures []Figure, date clock.Date) (Figure, error) {
	for i := len(figures) - 1; i >= 0; i-- {
		if !figures[i].From.After(date) {
			return figures[i], nil
		}
	}
	return Figure{}, fmt.Errorf("%w %s (the first figure applies from %s)", ErrNoFigure, date, figures[0].From)
}

// wagesFile is the shape of wages.yaml (see its header).
type wagesFile struct {
	Default    string `yaml:"default"`
	Localities []struct {
		ID      string       `yaml:"id"`
		NameZH  string       `yaml:"name_zh"`
		NameEN  string       `yaml:"name_en"`
		Demo    bool         `yaml:"demo"`
		Minimum []figureYAML `yaml:"minimum_wage"`
		Average []figureYAML `yaml:"average_wage"`
	} `yaml:"localities"`
}

type figureYAML struct {
	From   string `yaml:"from"`
	Amount string `yaml:"amount"`
	Source string `yaml:"source"`
}

var localityID = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// LoadTable parses and validates a wage configuration in the format of
// wages.yaml. It refuses unknown fields, bad or duplicate ids, missing names,
// empty series, bad dates, amounts that are not positive yuan with at most
// two decimals, figures without a source, dates not strictly increasing
// within a series, and a default that is not configured.
func LoadTable(data []byte) (*Table, error) {
	var f wagesFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("wages: %w", err)
	}
	if len(f.Localities) == 0 {
		return nil, errors.New("wages: no localities")
	}
	t := &Table{Default: f.Default, byID: map[string]int{}}
	for i, l := range f.Localities {
		where := fmt.Sprintf("wages: localities[%d] %q", i, l.ID)
		if !localityID.MatchString(l.ID) {
			return nil, fmt.Errorf("%s: id: want lower case letters, digits and -", where)
		}
		if _, dup := t.byID[l.ID]; dup {
			return nil, fmt.Errorf("%s: id is used twice", where)
		}
		if strings.TrimSpace(l.NameZH) == "" || strings.TrimSpace(l.NameEN) == "" {
			return nil, fmt.Errorf("%s: name_zh and name_en are required", where)
		}
		s := Series{Locality: Locality{ID: l.ID, NameZH: l.NameZH, NameEN: l.NameEN, Demo: l.Demo}}
		var err error
		if s.Minimum, err = loadFigures(l.Minimum); err != nil {
			return nil, fmt.Errorf("%s: minimum_wage%w", where, err)
		}
		if s.Average, err = loadFigures(l.Average); err != nil {
			return nil, fmt.Errorf("%s: average_wage%w", where, err)
		}
		t.byID[l.ID] = len(t.series)
		t.series = append(t.series, s)
	}
	if t.Default == "" {
		return nil, errors.New("wages: default: name the locality used when a request names none")
	}
	if !t.Has(t.Default) {
		return nil, fmt.Errorf("wages: default %q is not a configured locality", t.Default)
	}
	return t, nil
}

func loadFigures(in []figureYAML) ([]Figure, error) {
	if len(in) == 0 {
		return nil, errors.New(": at least one figure is required")
	}
	out := make([]Figure, len(in))
	for i, y := range in {
		from, err := clock.ParseDate(y.From)
		if err != nil {
			return nil, fmt.Errorf("[%d]: from: %w", i, err)
		}
		fen, ok := money.Parse(y.Amount)
		if !ok || fen <= 0 {
			return nil, fmt.Errorf("[%d]: amount %q: want a positive yuan amount such as \"2100.00\"", i, y.Amount)
		}
		if strings.TrimSpace(y.Source) == "" {
			return nil, fmt.Errorf("[%d]: source is required (where the figure was published)", i)
		}
		if i > 0 && !from.After(out[i-1].From) {
			return nil, fmt.Errorf("[%d]: from %s: dates must increase (previous %s)", i, from, out[i-1].From)
		}
		out[i] = Figure{From: from, AmountFen: fen, Source: strings.TrimSpace(y.Source)}
	}
	return out, nil
}

//go:embed wages.yaml
var wagesYAML []byte

var defaultTable = sync.OnceValue(func() *Table {
	t, err := LoadTable(wagesYAML)
	if err != nil {
		panic("calc: embedded wages.yaml: " + err.Error()) // caught by the package tests
	}
	return t
})

// DefaultTable is the embedded wages.yaml.
func DefaultTable() *Table { return defaultTable() }

// Lookup finds the figures in force in a locality on a date in the embedded
// table (see Table.Lookup).
func Lookup(locality string, date clock.Date) (Wages, error) {
	return DefaultTable().Lookup(locality, date)
}

// configuredLocality is the process's default locality (PORTAL_LOCALITY);
// empty means the default of wages.yaml.
var configuredLocality atomic.Value

// SetDefaultLocality makes id the locality used when a request names none
// (cmd/portal sets it from PORTAL_LOCALITY at start-up). An empty id restores
// the default of wages.yaml; an unknown one is refused. It is process-wide
// because the wage table itself is embedded, process-wide data.
func SetDefaultLocality(id string) error {
	if id != "" && !DefaultTable().Has(id) {
		_, err := DefaultTable().Lookup(id, clock.Date{})
		return err
	}
	configuredLocality.Store(id)
	return nil
}

// DefaultLocality is the locality used when a request names none.
func DefaultLocality() string {
	if id, _ := configuredLocality.Load().(string); id != "" {
		return id
	}
	return DefaultTable().Default
}

// MonthlyMinimumWage returns a function giving the monthly minimum wage of
// locality in force at an instant (its date in China), in the shape the
// arbitration service takes for the final-award decision; ok is false when
// no figure is configured.
func MonthlyMinimumWage(locality string) func(at time.Time) (int64, bool) {
	return func(at time.Time) (int64, bool) {
		w, err := Lookup(locality, clock.DateOf(at))
		if err != nil {
			return 0, false
		}
		return w.Minimum.AmountFen, true
	}
}
