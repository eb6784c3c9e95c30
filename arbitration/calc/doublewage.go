package calc

import (
	"parkportal/arbitration/clock"
)

// DoubleWageInput is what the double wages for no written contract are
// computed from.
type DoubleWageInput struct {
	// Start is the first day of employment (用工之日).
	Start clock.Date
	// Signed is the day a written contract was signed; zero if none was.
	Signed clock.Date
	// AsOf is the last day to count: the last day of employment, or today
	// while the worker is still employed without a contract.
	AsOf clock.Date
	// MonthlyWage is the worker's monthly wage in fen; the extra wage owed
	// for each month is one more of it.
	MonthlyWage int64
}

// NoContractDoubleWages computes the second wage owed for the months worked
// without a written contract (LCL art. 82; implementing regulations arts.
// 6–7). The period runs from the day after the first month of employment
// to the day before the contract was signed, or the day before one year of
// employment, or AsOf, whichever ends first; a contract signed within the
// first month owes nothing. After one year without a contract an open-ended
// contract is deemed concluded (regulations art. 7), so at most 11 months are
// owed.
//
// Our reading of the day boundaries, to verify: the first month ends the day
// before the corresponding day of the next month (employment from 01-10:
// double wages from 02-10), and the year the day before the anniversary, so
// a full period is exactly 11 months ([Start+1 month, Start+12 months)).
// Whole months are paid at the monthly wage; the days of a part month at the
// daily wage, monthly ÷ 21.75 (劳社部发〔2008〕3号), for each Monday to
// Friday in them. The result is rounded to the fen once, at the end.
func NoContractDoubleWages(in DoubleWageInput) (*Result, error) {
	var p problems
	p.wage("monthly_wage", in.MonthlyWage)
	p.required("service_start", in.Start)
	p.required("as_of", in.AsOf)
	if !in.Start.IsZero() && !in.AsOf.IsZero() && in.AsOf.Before(in.Start) {
		p.add("as_of", "calc.as_of_before_start")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	from := in.Start.AddMonths(1)     // the day after the first month
	yearEnd := in.Start.AddMonths(12) // the deemed open-ended contract; not counted
	end, why := yearEnd, Text{
		"截止于用工满一年的前一日（此后视为已订立无固定期限劳动合同，《劳动合同法实施条例》第七条）",
		"up to the day before one year of employment (from then an open-ended contract is deemed concluded, implementing regulations art. 7)"}
	if !in.Signed.IsZero() && in.Signed.Before(end) {
		end, why = in.Signed, tf("截止于订立书面劳动合同（%s）的前一日", "up to the day before the written contract was signed (%s)", in.Signed)
	}
	if asOfEnd := in.AsOf.AddDays(1); asOfEnd.Before(end) {
		end, why = asOfEnd, tf("计算至 %s（含当日）", "counted up to and including %s", in.AsOf)
	}
	r := &Result{Kind: DoubleWages,
		Citation: Text{"《劳动合同法》第十条、第八十二条；《劳动合同法实施条例》第六条、第七条；《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）",
			"Labour Contract Law arts. 10, 82; LCL Implementing Regulations arts. 6, 7; MOHRSS notice on monthly working time and wage conversion (劳社部发〔2008〕3号)"}}
	r.input("service_start", Text{"入职日期（用工之日）", "First day of employment"}, dateText(in.Start))
	signed := Text{"未订立", "none"}
	if !in.Signed.IsZero() {
		signed = dateText(in.Signed)
	}
	r.input("contract_signed", Text{"书面劳动合同订立日期", "Day the written contract was signed"}, signed)
	r.input("as_of", Text{"计算截止日", "Counted up to"}, dateText(in.AsOf))
	r.input("monthly_wage", Text{"月工资", "Monthly wage"}, same(yuan(in.MonthlyWage)))
	start := tf("用工之日 %s；用人单位应在一个月内订立书面劳动合同，二倍工资自用工满一个月的次日 %s 起算。",
		"Employment began %s; the employer had one month to sign a written contract, so double wages run from the day after the first month, %s.", in.Start, from)
	if !from.Before(end) {
		none := tf("截至 %s，用工尚未超过一个月：不产生二倍工资。", "As of %s employment has not yet lasted over a month: nothing is owed.", in.AsOf)
		switch {
		case in.Signed.IsZero() || in.Signed.After(from):
		case in.Signed.Before(from):
			none = tf("书面劳动合同于 %s 订立，未超过用工之日起一个月（《劳动合同法》第十条）：不支付二倍工资。",
				"The written contract was signed on %s, within one month of the start of employment (LCL art. 10): nothing is owed.", in.Signed)
		default:
			none = tf("书面劳动合同于起算日 %s 当天订立，二倍工资截止于其前一日，期间为零：不支付二倍工资。",
				"The written contract was signed on %s, the first day double wages would run; they end the day before, so nothing is owed.", in.Signed)
		}
		r.Formula = lines(start, none)
		return r, nil
	}
	months := spanTo(from, end).months
	partFrom := in.Start.AddMonths(1 + months)
	days := weekdays(partFrom, end)
	// amount = wage × (months + days ÷ 21.75) = wage × (months×2175 + days×100) ÷ 2175
	amount, rounded := mulDivRound(in.MonthlyWage, int64(months)*2175+int64(days)*100, 2175)
	r.AmountFen = amount
	period := tf("期间：%s 至 %s，%s。", "Period: %s to %s, %s.", from, end.AddDays(-1), why)
	count := tf("其中整月 %d 个", "%d whole months", months)
	if partFrom.Before(end) {
		count = count.plus(tf("，另有不足一个月的 %s 至 %s，其中周一至周五 %d 天（计薪日）",
			", and a part month %s to %s with %d Mondays to Fridays (paid days)", partFrom, end.AddDays(-1), days))
	}
	last := tf("另一倍工资 = %s × %d = %s", "Extra wage = %s × %d = %s", yuan(in.MonthlyWage), months, yuan(amount))
	if days > 0 {
		last = tf("另一倍工资 = %s × (%d + %d ÷ 21.75) = %s", "Extra wage = %s × (%d + %d ÷ 21.75) = %s", yuan(in.MonthlyWage), months, days, yuan(amount))
	}
	if rounded {
		last = last.plus(roundedNote)
	}
	r.Formula = lines(start, period, count.plus(Text{"。", "."}), last)
	r.Notes = append(r.Notes, Text{
		"金额为应另外支付的一倍工资（劳动者已领取的正常工资之外），最多11个月。",
		"The amount is the extra wage on top of the wage already paid, for at most 11 months.",
	})
	r.Warnings = append(r.Warnings, Text{
		"二倍工资差额的仲裁时效（《劳动争议调解仲裁法》第二十七条）如何起算，各地做法不同，本计算未扣除可能已过时效的月份，请人工核对。",
		"How the 1-year limitation period (LDMAL art. 27) runs for double wages differs between localities; months that may be time-barred are not deducted here. Check by hand.",
	})
	return r, nil
}
