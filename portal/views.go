package portal

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// views renders the page templates for Fiber (its Views interface). Two
// things make it cheaper than a general engine on pages with hundreds of
// labels (docs/PERFORMANCE.md):
//
//   - One template set per language, parsed at start-up, in which every
//     label without arguments — {{$.T "key"}} or {{.T "key"}} — is already
//     that language's catalog text: plain template text where escaping
//     could not change it (see inlinable), else a string constant that
//     html/template escapes in its context exactly as it escaped T's
//     result. What goes is a reflective call or two per label. Labels with
//     arguments, and keys built at run time, still call T.
//   - A page renders into a buffer first, then the layout with the page as
//     View.Body: renders share nothing, so they run in parallel (Fiber's
//     html engine swapped the layout's embed function under one lock for
//     the whole render).
type views struct {
	sets map[string]*template.Template // by language
}

// constLabel matches a label action without arguments.
var constLabel = regexp.MustCompile(`\{\{\s*\$?\.T\s+("(?:[^"\\]|\\.)*")\s*\}\}`)

// newViews parses every .html file under fsys once per language; a
// template that does not parse stops the start-up.
func newViews(fsys fs.FS, funcs template.FuncMap) (*views, error) {
	v := &views{sets: map[string]*template.Template{}}
	for _, l := range Languages {
		set := template.New("").Funcs(funcs)
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".html" {
				return err
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			_, err = set.New(strings.TrimSuffix(p, ".html")).Parse(translateLabels(string(src), l))
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("templates (%s): %w", l, err)
		}
		v.sets[l] = set
	}
	return v, nil
}

// translateLabels replaces each label without arguments by its text in
// lang: inline where escaping would leave it as it is, else quoted as a
// template string constant.
func translateLabels(src, lang string) string {
	var out strings.Builder
	last := 0
	for _, m := range constLabel.FindAllStringSubmatchIndex(src, -1) {
		key, err := strconv.Unquote(src[m[2]:m[3]])
		if err != nil {
			continue // not a plain string: leave it to T
		}
		text := T(lang, key)
		out.WriteString(src[last:m[0]])
		if inlinable(src[:m[0]], text) {
			out.WriteString(text)
		} else {
			out.WriteString("{{" + strconv.Quote(text) + "}}")
		}
		last = m[1]
	}
	out.WriteString(src[last:])
	return out.String()
}

// textAttrs are the attributes whose quoted values html/template escapes
// as plain text (not URLs, scripts or styles).
var textAttrs = map[string]bool{"title": true, "alt": true, "placeholder": true, "aria-label": true,
	"data-label": true, "data-confirm": true, "value": true, "label": true}

// quotedAttr matches the start of a quoted attribute value at the end of
// a tag's text so far.
var quotedAttr = regexp.MustCompile(`\s([a-zA-Z-]+)="[^"]*$`)

// inlinable reports whether text, placed after before, would come out of
// html/template's escaping unchanged: it has no character any escaper
// rewrites (nor template braces), and it sits in element text outside
// script and style, or in a quoted plain-text attribute. When unsure, no.
func inlinable(before, text string) bool {
	if strings.ContainsAny(text, "\x00\"&'+<>{}") {
		return false
	}
	if lt := strings.LastIndexByte(before, '<'); lt > strings.LastIndexByte(before, '>') {
		m := quotedAttr.FindStringSubmatch(before[lt:])
		return m != nil && textAttrs[strings.ToLower(m[1])]
	}
	for _, el := range []string{"script", "style"} {
		if strings.LastIndex(before, "<"+el) > strings.LastIndex(before, "</"+el) {
			return false
		}
	}
	return true
}

// Load is part of Fiber's Views interface; newViews has parsed everything.
func (v *views) Load() error { return nil }

var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render executes the named template with binding (a *View) in the view's
// language; with a layout, the page goes into the layout as View.Body.
func (v *views) Render(w io.Writer, name string, binding any, layout ...string) error {
	view, ok := binding.(*View)
	if !ok {
		return fmt.Errorf("render %s: binding is %T, not *View", name, binding)
	}
	set := v.sets[view.Lang]
	if set == nil { // T falls back to the first language too
		set = v.sets[Languages[0]]
	}
	page := set.Lookup(name)
	if page == nil {
		return fmt.Errorf("render: template %s does not exist", name)
	}
	switch {
	case len(layout) == 0 || layout[0] == "":
		return page.Execute(w, view)
	case len(layout) > 1:
		return fmt.Errorf("render %s: one layout only, got %v", name, layout)
	}
	lay := set.Lookup(layout[0])
	if lay == nil {
		return fmt.Errorf("render: layout %s does not exist", layout[0])
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); pageBuffers.Put(buf) }()
	if err := page.Execute(buf, view); err != nil {
		return err
	}
	view.Body = template.HTML(buf.String()) // the page, escaped as it rendered
	return lay.Execute(w, view)
}
