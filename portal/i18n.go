package portal

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Languages the portal speaks; the first is the default.
var Languages = []string{"zh", "en"}

//go:embed i18n
var catalogFiles embed.FS

// Catalog maps message keys to text in one language. Each language is a
// folder of JSON files (one per area: base, cases, checkup...) merged at
// start-up; a test checks both languages have the same keys.
type Catalog map[string]string

var catalogs = mustLoadCatalogs()

func mustLoadCatalogs() map[string]Catalog {
	out := map[string]Catalog{}
	for _, lang := range Languages {
		cat, err := loadCatalog(catalogFiles, path.Join("i18n", lang))
		if err != nil {
			panic(err)
		}
		out[lang] = cat
	}
	return out
}

func loadCatalog(fsys fs.FS, dir string) (Catalog, error) {
	cat := Catalog{}
	files, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var part map[string]string
		if err := json.Unmarshal(data, &part); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		for k, v := range part {
			if _, dup := cat[k]; dup {
				return nil, fmt.Errorf("i18n: %s: key %q defined twice", f, k)
			}
			cat[k] = v
		}
	}
	return cat, nil
}

// AddMessages merges messages a domain package provides (key → zh, en)
// into the catalogs; keys already present keep their catalog text.
func AddMessages(msgs map[string][2]string) {
	for k, v := range msgs {
		for i, lang := range Languages {
			if _, ok := catalogs[lang][k]; !ok {
				catalogs[lang][k] = v[i]
			}
		}
	}
}

// lang normalises a requested language to a supported one.
func lang(s string) string {
	s = strings.ToLower(s)
	for _, l := range Languages {
		if strings.HasPrefix(s, l) {
			return l
		}
	}
	return Languages[0]
}

// T translates key into lang, filling {0}, {1}... with args. A missing key
// shows the key itself, so the gap is visible (and a test catches it).
func T(lang, key string, args ...any) string {
	msg, ok := catalogs[lang][key]
	if !ok {
		msg, ok = catalogs[Languages[0]][key]
	}
	if !ok {
		return key
	}
	for i, a := range args {
		msg = strings.ReplaceAll(msg, "{"+strconv.Itoa(i)+"}", fmt.Sprint(a))
	}
	return msg
}

// Has reports whether key exists in every language.
func Has(key string) bool {
	for _, l := range Languages {
		if _, ok := catalogs[l][key]; !ok {
			return false
		}
	}
	return true
}
