// Package templates embeds the HTML templates (layouts, partials, pages)
// and the static assets, so the binary needs nothing at run time.
package templates

import "embed"

// FS holds every template and static file.
//
//go:embed layouts pages partials static
var FS embed.FS
