package arbitration

// Route is the path the portal suggests for a case at intake.
type Route string

// The suggested routes (DOMAIN.md "Routes a dispute can take").
const (
	// RouteLabour: mediation, then labour arbitration (required before
	// court, LDMAL art. 5).
	RouteLabour Route = "mediation_then_labour_arbitration"
	// RouteArbitrationClause: mediation, then the commercial arbitration
	// institution the contract names (仲裁法 arts. 4, 5, 16).
	RouteArbitrationClause Route = "mediation_then_named_institution"
	// RouteCourt: mediation, then the resident judge station / court.
	RouteCourt Route = "mediation_then_judge_station"
)

// SuggestRoute picks the route for a case from its kind and clause: a pure
// function, so intake officers see the same suggestion the tests check.
func SuggestRoute(kind Kind, arbitrationClause bool, institution string) Route {
	switch {
	case kind == Labour:
		return RouteLabour
	case arbitrationClause && institution != "":
		return RouteArbitrationClause
	default:
		return RouteCourt
	}
}
