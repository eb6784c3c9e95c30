// Package calc is the claim calculator a mediator, an arbitrator or an
// enterprise's HR uses to put a number on a labour claim:
//
//   - economic compensation (经济补偿, LCL art. 47), with the 3 × average-wage
//     and 12-year caps, the minimum-wage floor (LCL implementing regulations
//     art. 27) and a warning for service before 2008 (LCL art. 97);
//   - damages for unlawful termination (违法解除赔偿金, LCL art. 87):
//     twice the art. 47 standard over the whole service period
//     (implementing regulations art. 25);
//   - double wages for no written contract (未签书面劳动合同二倍工资,
//     LCL art. 82; implementing regulations arts. 6–7), at most 11 months;
//   - overtime pay (加班费, Labour Law art. 44; 劳社部发〔2008〕3号);
//   - the final-award check (终局裁决, LDMAL art. 47): per claim item, is it
//     within 12 × the local monthly minimum wage?
//
// Every calculation is a pure function returning a Result: the amount in fen,
// the formula written out with the actual numbers, the inputs used, the legal
// citation and any warnings. Amounts are int64 fen; intermediate products use
// math/big and the result is rounded half up to the fen once, at the end.
//
// The local figures (monthly minimum wage, the city's average monthly wage of
// the previous year) are data: wages.yaml, embedded, several periods per
// locality, each with the date it took effect (Lookup picks the one in force).
//
// User-visible text: every sentence this package produces is a Text holding
// both the Chinese and the English version, built here from the numbers (as
// clock.Deadline.Explain does), so no catalog lookup is needed; the portal
// picks one with Text.In(lang). Field errors are errs.Field errors whose codes
// ("calc.bad_date"...) are keys of the portal's calc.json catalogs.
package calc
