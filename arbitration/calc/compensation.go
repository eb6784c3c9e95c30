package calc

import (
	"parkportal/arbitration/clock"
	"parkportal/internal/errs"
)

// LCLInForce is the day the Labour Contract Law took effect (LCL art. 98).
var LCLInForce = clock.NewDate(2008, 1, 1)

// maxWageFen bounds every wage input (¥10,000,000.00 a month): above it the
// input is a typing mistake, and products stay far from overflow.
const maxWageFen = 10_000_000_00

// ServiceInput is what economic compensation and unlawful-termination
// damages are computed from.
type ServiceInput struct {
	// Start is the first day of employment (用工之日).
	Start clock.Date
	// End is the last day of employment: the day the contract was ended or
	// terminated. Both days count as service.
	End clock.Date
	// MonthlyWage, in fen, is the worker's average monthly wage over the 12
	// months before the end, or over the months worked if fewer (LCL art.
	// 47(3); implementing regulations art. 27: wages due, including bonuses,
	// allowances and subsidies).
	MonthlyWage int64
}

func (in ServiceInput) validate() error {
	var p problems
	p.wage("monthly_wage", in.MonthlyWage)
	p.required("service_start", in.Start)
	p.required("service_end", in.End)
	if !in.Start.IsZero() && !in.End.IsZero() {
		if in.End.Before(in.Start) {
			p.add("service_end", "calc.end_before_start")
		} else if in.End.Before(LCLInForce) {
			// The LCL governs contracts ended from 2008-01-01 (art. 97); an
			// earlier termination falls under the old rules entirely.
			p.add("service_end", "calc.before_lcl")
		}
	}
	return p.err()
}

// standard is the compensation standard of LCL art. 47 for one period: the
// wage base and the number of half months, after the caps.
type standard struct {
	first, last clock.Date
	span        span
	wage, base  int64
	floored     bool  // the wage was below the minimum wage (regulations art. 27)
	capped      bool  // the wage was above 3 × the average (art. 47(2))
	uncapped    int64 // half months before the 12-year cap
	half        int64 // half months paid
}

// compensationStandard applies LCL art. 47 to the service from first to
// last (both counted) at the given monthly wage:
//   - one month's wage per full year; a remainder of 6 months or more counts
//     as a year, a shorter remainder as half a month (art. 47(1));
//   - a wage above 3 × the local average monthly wage is paid at 3 × that
//     average, and the years are capped at 12 (art. 47(2)); "above" is
//     strict, so a wage of exactly 3 × is not capped;
//   - a wage below the local minimum wage counts as the minimum wage
//     (implementing regulations art. 27).
func compensationStandard(first, last clock.Date, wage int64, w Wages) standard {
	s := standard{first: first, last: last, span: serviceSpan(first, last), wage: wage, base: wage}
	s.half = 2 * int64(s.span.years())
	switch {
	case s.span.remainder() >= 6:
		s.half += 2
	case s.span.remainder() > 0 || s.span.days > 0:
		s.half++
	}
	s.uncapped = s.half
	if cap := 3 * w.Average.AmountFen; wage > cap {
		s.capped, s.base = true, cap
		s.half = min(s.half, 24)
	} else if wage < w.Minimum.AmountFen {
		s.floored, s.base = true, w.Minimum.AmountFen
	}
	return s
}

// formula writes the steps of the standard, one a line, ending before the
// final product (which differs between compensation and damages).
func (s standard) formula(w Wages) []Text {
	out := []Text{tf("工作年限：%s 至 %s（首尾两日均计入），共%s。", "Service: %s to %s (both days counted): %s.",
		s.first, s.last, s.span.text())}
	y := s.span.years()
	rest := span{months: s.span.remainder(), days: s.span.days}
	switch {
	case rest.months == 0 && rest.days == 0:
		out = append(out, tf("每满一年支付一个月工资：%d年 → %d个月。", "One month's wage per full year: %d years → %d months.", y, y))
	case rest.months >= 6:
		out = append(out, tf("满%d年计%d个月；余下的%s为六个月以上、不满一年，按一年计 → %s个月。",
			"%d full years → %d months; the remaining %s is 6 months or more and counts as a year → %s months.",
			y, y, rest.text(), halves(s.uncapped)))
	default:
		out = append(out, tf("满%d年计%d个月；余下的%s不满六个月，支付半个月工资 → %s个月。",
			"%d full years → %d months; the remaining %s is under 6 months and earns half a month → %s months.",
			y, y, rest.text(), halves(s.uncapped)))
	}
	switch {
	case s.capped:
		out = append(out, tf("月工资 %s 高于当地上年度职工月平均工资 %s 的三倍 %s：工资基数按 %s 计算。",
			"The monthly wage %s is above 3 × the local average monthly wage %s = %s: the wage base is %s.",
			yuan(s.wage), yuan(w.Average.AmountFen), yuan(s.base), yuan(s.base)))
		if s.uncapped > 24 {
			out = append(out, tf("同时经济补偿的年限最高不超过十二年：%s个月 → 12个月。",
				"The years are then capped at 12: %s months → 12 months.", halves(s.uncapped)))
		} else {
			out = append(out, Text{"年限未超过十二年，不受年限封顶影响。", "The service does not exceed 12 years, so the year cap changes nothing."})
		}
	case s.floored:
		out = append(out, tf("月工资 %s 低于当地月最低工资标准 %s，按最低工资标准计算：工资基数 %s。",
			"The monthly wage %s is below the local monthly minimum wage %s, so the minimum wage is used: wage base %s.",
			yuan(s.wage), yuan(w.Minimum.AmountFen), yuan(s.base)))
	default:
		out = append(out, tf("月工资 %s 不高于当地上年度职工月平均工资 %s 的三倍 %s，工资基数 %s，年限不封顶。",
			"The monthly wage %s is not above 3 × the local average monthly wage %s = %s: wage base %s, no year cap.",
			yuan(s.wage), yuan(w.Average.AmountFen), yuan(3*w.Average.AmountFen), yuan(s.base)))
	}
	return out
}

// EconomicCompensation computes economic compensation (经济补偿) under LCL
// art. 47 for a contract ended on in.End, using the figures w in force on
// that date. For service before 2008-01-01 only the years from that day are
// counted: LCL art. 97(3) makes the old rules govern the earlier years
// (compensation for them is due only where those rules required it), and the
// result warns so, with the length of the earlier service.
func EconomicCompensation(in ServiceInput, w Wages) (*Result, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	first := in.Start
	pre2008 := in.Start.Before(LCLInForce)
	if pre2008 {
		first = LCLInForce
	}
	s := compensationStandard(first, in.End, in.MonthlyWage, w)
	amount, rounded := mulDivRound(s.base, s.half, 2)
	r := &Result{Kind: Compensation, AmountFen: amount,
		Citation: Text{"《劳动合同法》第四十七条；《劳动合同法实施条例》第二十七条", "Labour Contract Law art. 47; LCL Implementing Regulations art. 27"}}
	steps := s.formula(w)
	last := tf("经济补偿 = %s × %s = %s", "Economic compensation = %s × %s = %s", yuan(s.base), halves(s.half), yuan(amount))
	if rounded {
		last = last.plus(roundedNote)
	}
	r.Formula = lines(append(steps, last)...)
	r.serviceInputs(in)
	r.wageInputs(w, true, true)
	if pre2008 {
		before := serviceSpan(in.Start, LCLInForce.AddDays(-1)).text()
		r.Citation = Text{"《劳动合同法》第四十七条、第九十七条第三款；《劳动合同法实施条例》第二十七条",
			"Labour Contract Law arts. 47, 97(3); LCL Implementing Regulations art. 27"}
		r.Warnings = append(r.Warnings, Text{
			"入职早于2008年1月1日：依《劳动合同法》第九十七条第三款，经济补偿年限自2008年1月1日起计算，上面的金额只包括2008年1月1日以后的工作年限。" +
				"此前的" + before.ZH + "，按当时的规定（《违反和解除劳动合同的经济补偿办法》，劳部发〔1994〕481号等）应当支付经济补偿的，须按当时的规定另行计算后加上。请人工核对。",
			"Employment began before 2008-01-01: under LCL art. 97(3) the years for economic compensation count from 2008-01-01, so the amount above covers only the service from that day. " +
				"For the " + before.EN + " before it, compensation is due only where the rules then in force required it (Measures on Economic Compensation for Breach and Termination of Labour Contracts, 劳部发〔1994〕481号, and others), computed under those rules and added. Check by hand.",
		})
	}
	return r, nil
}

// UnlawfulTerminationDamages computes the damages (赔偿金) for terminating a
// contract in breach of the LCL: twice the economic-compensation standard of
// art. 47 (LCL art. 87). Our reading, stated in every result:
//   - the "standard" is art. 47 as a whole, so the half month for a remainder
//     under 6 months, the 3 × average-wage cap, the 12-year cap and the
//     minimum-wage floor all apply before doubling;
//   - the years count from the first day of employment, including service
//     before 2008 (implementing regulations art. 25), unlike economic
//     compensation;
//   - the damages replace economic compensation, they are not added to it
//     (implementing regulations art. 25).
//
// The product base × half months is exact, so no rounding occurs; twice the
// (rounded) compensation can differ from it by one fen.
func UnlawfulTerminationDamages(in ServiceInput, w Wages) (*Result, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	s := compensationStandard(in.Start, in.End, in.MonthlyWage, w)
	amount := s.base * s.half // 2 × base × half/2
	r := &Result{Kind: UnlawfulTermination, AmountFen: amount,
		Citation: Text{"《劳动合同法》第八十七条、第四十七条；《劳动合同法实施条例》第二十五条、第二十七条",
			"Labour Contract Law arts. 87, 47; LCL Implementing Regulations arts. 25, 27"}}
	steps := s.formula(w)
	steps = append(steps, tf("赔偿金 = 经济补偿标准 × 2 = %s × %s × 2 = %s", "Damages = 2 × the compensation standard = %s × %s × 2 = %s",
		yuan(s.base), halves(s.half), yuan(amount)))
	r.Formula = lines(steps...)
	r.serviceInputs(in)
	r.wageInputs(w, true, true)
	r.Notes = append(r.Notes, Text{
		"支付了赔偿金的，不再支付经济补偿；赔偿金的计算年限自用工之日起计算（《劳动合同法实施条例》第二十五条）。",
		"Damages replace economic compensation, they are not paid on top of it; their years count from the first day of employment (LCL Implementing Regulations art. 25).",
	})
	if in.Start.Before(LCLInForce) {
		r.Notes = append(r.Notes, Text{
			"入职早于2008年1月1日：赔偿金的年限自用工之日起计算，包括2008年以前的工作年限（与经济补偿不同）。",
			"Employment began before 2008-01-01: the years for damages count from the first day of employment, including service before 2008 (unlike economic compensation).",
		})
	}
	return r, nil
}

func (r *Result) serviceInputs(in ServiceInput) {
	r.input("service_start", Text{"入职日期（用工之日）", "First day of employment"}, dateText(in.Start))
	r.input("service_end", Text{"劳动合同解除或终止日期", "Day the contract ended"}, dateText(in.End))
	r.input("monthly_wage", Text{"解除或终止前十二个月的月平均工资", "Average monthly wage of the 12 months before the end"}, same(yuan(in.MonthlyWage)))
}

// problems collects field errors into one Invalid error.
type problems struct{ fields []errs.FieldError }

func (p *problems) add(field, code string, args ...any) {
	p.fields = append(p.fields, errs.FieldError{Field: field, Code: code, Args: args})
}

func (p *problems) required(field string, d clock.Date) {
	if d.IsZero() {
		p.add(field, "calc.required")
	}
}

func (p *problems) wage(field string, fen int64) {
	switch {
	case fen < 0:
		p.add(field, "calc.negative")
	case fen == 0:
		p.add(field, "calc.positive")
	case fen > maxWageFen:
		p.add(field, "calc.too_large")
	}
}

func (p *problems) err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: p.fields}
}
