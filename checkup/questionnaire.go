// Package checkup is the legal health checkup (法治体检): questionnaire
// definitions kept as versioned YAML data embedded in the binary, the
// evaluation of answers into findings with their legal basis, and the
// comparison of a re-checkup with the previous one.
//
// The files in this package (questionnaire, validate, condition, answer,
// evaluate, compare) are pure: no database, no clock, no HTTP. The YAML
// format is described for the lawyers who edit it in
// docs/checkup-questionnaires.md.
//
// User-visible text: every string a questionnaire shows (titles, questions,
// help, options, risks, advice) is written in the YAML in both Chinese and
// English (a Text value); the few words the code itself produces (yes, no,
// row numbers) are in the answer display table in answer.go, also in both.
package checkup

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"parkportal/internal/errs"
)

// builtinFS holds the questionnaire files shipped with the portal.
//
//go:embed questionnaires/*.yaml
var builtinFS embed.FS

// Text is a user-visible string in Chinese (the primary language) and English.
type Text struct {
	ZH string `yaml:"zh" json:"zh"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in lang ("en…" gives English; anything else Chinese).
func (t Text) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Date is a calendar day written YYYY-MM-DD in YAML and JSON.
type Date struct{ time.Time }

const dateLayout = "2006-01-02"

// UnmarshalYAML parses a YYYY-MM-DD date, refusing impossible days such as 2021-02-30.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse(dateLayout, n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a valid date; write YYYY-MM-DD", n.Line, n.Value)
	}
	d.Time = t
	return nil
}

// String formats the date as YYYY-MM-DD (empty for the zero date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(dateLayout)
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads a "YYYY-MM-DD" date (stored findings are read back with it).
func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		d.Time = time.Time{}
		return nil
	}
	t, err := time.Parse(dateLayout, s)
	d.Time = t
	return err
}

// Questionnaire is one published version of a checkup questionnaire. A
// published version is frozen: any change is made in a new file with a
// higher version, and every checkup pins the version it was answered on.
type Questionnaire struct {
	Key            string           `yaml:"key"`
	Version        int              `yaml:"version"`
	Published      Date             `yaml:"published"`
	Title          Text             `yaml:"title"`
	Intro          Text             `yaml:"intro"`
	Areas          []*Area          `yaml:"areas"`
	Sections       []*Section       `yaml:"sections"`
	ComputedValues []*ComputedValue `yaml:"computed"`
	Rules          []*Rule          `yaml:"rules"`

	// File is the file name the version was loaded from.
	File string `yaml:"-"`
	// Hash is the hex SHA-256 of the file's bytes. The store keeps it with
	// the version so that an edited published file is detected.
	Hash string `yaml:"-"`

	questions map[string]*Question // top-level questions by key
	sectionOf map[string]*Section  // question key → its section
	order     map[string]int       // question key → position in the document
	areas     map[string]*Area
	computed  map[string]*ComputedValue
}

// Area is a subject heading findings are grouped under in the report
// (劳动合同, 工时工资, 社保 …).
type Area struct {
	Key  string `yaml:"key"`
	Text `yaml:",inline"`
}

// Section is a page of questions; a ShowIf gate hides the whole section.
type Section struct {
	Key       string      `yaml:"key"`
	Title     Text        `yaml:"title"`
	Help      Text        `yaml:"help"`
	ShowIf    *Condition  `yaml:"show_if"`
	Questions []*Question `yaml:"questions"`
}

// QuestionType is the kind of answer a question takes.
type QuestionType string

// The question types.
const (
	TypeYesNo  QuestionType = "yesno"  // yes | no | unknown | na (not applicable)
	TypeChoice QuestionType = "choice" // one option key
	TypeMulti  QuestionType = "multi"  // any number of option keys
	TypeNumber QuestionType = "number" // a decimal number, optionally integer and bounded
	TypeDate   QuestionType = "date"   // YYYY-MM-DD
	TypeText   QuestionType = "text"   // free text, never used by a rule's comparison of meaning
	TypeRows   QuestionType = "rows"   // repeating rows of column sub-questions
)

// The yesno answers.
const (
	Yes           = "yes"
	No            = "no"
	Unknown       = "unknown"
	NotApplicable = "na"
)

// Question is one question. Columns are the sub-questions of a rows question.
type Question struct {
	Key      string       `yaml:"key"`
	Type     QuestionType `yaml:"type"`
	Text     Text         `yaml:"text"`
	Help     Text         `yaml:"help"`
	Optional bool         `yaml:"optional"`
	Options  []Option     `yaml:"options"`
	Min      *float64     `yaml:"min"`
	Max      *float64     `yaml:"max"`
	Integer  bool         `yaml:"integer"`
	Unit     Text         `yaml:"unit"`
	Columns  []*Question  `yaml:"columns"`
	ShowIf   *Condition   `yaml:"show_if"`
}

// Option is one choice of a choice or multi question.
type Option struct {
	Key  string `yaml:"key"`
	Text `yaml:",inline"`
}

// Column returns the column sub-question key of a rows question, or nil.
func (q *Question) Column(key string) *Question {
	for _, c := range q.Columns {
		if c.Key == key {
			return c
		}
	}
	return nil
}

// Option returns the option with key, or nil.
func (q *Question) Option(key string) *Option {
	for i := range q.Options {
		if q.Options[i].Key == key {
			return &q.Options[i]
		}
	}
	return nil
}

// ComputedValue is a number derived from answers, such as the dispatch
// ratio. Exactly one of Sum and Divide is set; operands are number
// questions or computed values defined earlier in the file.
type ComputedValue struct {
	Key     string   `yaml:"key"`
	Title   Text     `yaml:"title"`
	Sum     []string `yaml:"sum"`
	Divide  []string `yaml:"divide"` // [numerator, denominator]
	Percent bool     `yaml:"percent"`
}

// Severity grades a finding. One open high finding makes an enterprise red.
type Severity string

// The severities, worst first.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
)

// Rank orders severities: 0 is worst; unknown severities sort last.
func (s Severity) Rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	case Low:
		return 2
	}
	return 3
}

// Rule turns answers into a finding: when the condition holds on visible,
// applicable answers, the enterprise has the risk described.
type Rule struct {
	ID           string     `yaml:"id"`
	Area         string     `yaml:"area"`
	Question     string     `yaml:"question"`
	Severity     Severity   `yaml:"severity"`
	When         *Condition `yaml:"when"`
	Title        Text       `yaml:"title"`
	Risk         Text       `yaml:"risk"`
	Advice       Text       `yaml:"advice"`
	DeadlineDays int        `yaml:"deadline_days"`
	Basis        []Basis    `yaml:"basis"`
}

// Basis is one legal source of a rule: the law's Chinese name, the
// article(s), and the date the cited text came into force.
type Basis struct {
	Law         string `yaml:"law" json:"law"`
	Article     string `yaml:"article" json:"article"`
	InForceFrom Date   `yaml:"in_force" json:"in_force_from"`
}

// Question returns the top-level question with key, or nil.
func (qn *Questionnaire) Question(key string) *Question { return qn.questions[key] }

// Area returns the area with key, or nil.
func (qn *Questionnaire) Area(key string) *Area { return qn.areas[key] }

// LoadError lists everything wrong with one questionnaire file, so a
// lawyer can fix them all in one pass.
type LoadError struct {
	File     string
	Problems []string
}

// Error lists the problems one per line, each prefixed with the file name.
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.File + ": " + p)
	}
	return b.String()
}

// Parse reads and validates one questionnaire file. The file name must be
// "<key>.v<version>.yaml" so the name always tells which version it holds.
func Parse(file string, data []byte) (*Questionnaire, error) {
	qn := &Questionnaire{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(qn); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if errors.Is(err, io.EOF) {
			msg = "the file is empty"
		}
		return nil, &LoadError{File: file, Problems: []string{msg}}
	}
	sum := sha256.Sum256(data)
	qn.File, qn.Hash = file, hex.EncodeToString(sum[:])
	if problems := qn.validate(path.Base(file)); len(problems) > 0 {
		return nil, &LoadError{File: file, Problems: problems}
	}
	return qn, nil
}

// Registry holds every loaded version of every questionnaire.
type Registry struct {
	versions map[string][]*Questionnaire // by key, ascending version
}

// LoadBuiltin loads the questionnaires embedded in the binary; the portal
// calls it at start-up and refuses to start on error.
func LoadBuiltin() (*Registry, error) {
	sub, err := fs.Sub(builtinFS, "questionnaires")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}

// Load parses every *.yaml file at the top of fsys into a registry. All
// files are checked; the error lists the problems of every bad file.
func Load(fsys fs.FS) (*Registry, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var qns []*Questionnaire
	var problems []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", name, err))
			continue
		}
		qn, err := Parse(name, data)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		qns = append(qns, qn)
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return NewRegistry(qns...)
}

// NewRegistry builds a registry from parsed questionnaires, refusing two
// files that claim the same key and version.
func NewRegistry(qns ...*Questionnaire) (*Registry, error) {
	r := &Registry{versions: map[string][]*Questionnaire{}}
	for _, qn := range qns {
		for _, old := range r.versions[qn.Key] {
			if old.Version == qn.Version {
				return nil, fmt.Errorf("%s and %s both define %s version %d", old.File, qn.File, qn.Key, qn.Version)
			}
		}
		r.versions[qn.Key] = append(r.versions[qn.Key], qn)
	}
	for _, list := range r.versions {
		sort.Slice(list, func(i, j int) bool { return list[i].Version < list[j].Version })
	}
	return r, nil
}

// Keys lists the questionnaire keys, sorted.
func (r *Registry) Keys() []string {
	keys := make([]string, 0, len(r.versions))
	for k := range r.versions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Latest returns the highest version of a questionnaire: new checkups use it.
func (r *Registry) Latest(key string) (*Questionnaire, error) {
	list := r.versions[key]
	if len(list) == 0 {
		return nil, errs.E(errs.NotFound, "checkup.questionnaire_not_found", key)
	}
	return list[len(list)-1], nil
}

// Get returns one version of a questionnaire: a checkup is always
// evaluated on the version it pinned, whatever has been published since.
func (r *Registry) Get(key string, version int) (*Questionnaire, error) {
	for _, qn := range r.versions[key] {
		if qn.Version == version {
			return qn, nil
		}
	}
	return nil, errs.E(errs.NotFound, "checkup.questionnaire_not_found", key, version)
}

// Versions lists the loaded versions of a questionnaire, ascending.
func (r *Registry) Versions(key string) []int {
	var out []int
	for _, qn := range r.versions[key] {
		out = append(out, qn.Version)
	}
	return out
}
