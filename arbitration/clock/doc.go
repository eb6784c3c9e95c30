// Package clock is the one statutory deadline calculator of the portal
// (ARCHITECTURE.md: "every statutory deadline comes from one calculator that
// returns the due date and its explanation").
//
// Everything a lawyer may need to change is data, embedded in the binary:
//
//   - holidays.yaml: the State Council holiday arrangements (days off and
//     shifted working days, 调休) for the years it covers. An administrator's
//     extra dates are layered on top with Calendar.Add / Calendar.WithDays.
//   - rules.yaml: every clock (length, unit, direction, citation, date in
//     force). Whether a 3-, 5- or 10-day arbitration period counts working
//     days is the unit field of that rule, nothing in code.
//
// Dates are civil dates in China (Asia/Shanghai, UTC+8, no daylight saving
// since 1991), held in the small Date type. Counting follows the Civil
// Procedure Law art. 85 and the Civil Code arts. 201–203: the start day is not
// counted, and a period whose last day is a statutory holiday or a rest day
// ends on the next working day.
//
// User-visible text: every rule and holiday carries its name in zh and en in
// the data files, and Deadline.Explain renders the explanation in either
// language from two templates in explain.go, so no catalog lookup is needed.
package clock
