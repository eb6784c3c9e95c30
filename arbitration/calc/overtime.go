package calc

// maxHours bounds each number of overtime hours (in hundredths of an hour):
// 100,000 hours is more than anyone can work in a limitation period.
const maxHours = 100_000_00

// OvertimeInput is what overtime pay is computed from. Hours are kept in
// hundredths of an hour (2.5 h = 250).
type OvertimeInput struct {
	// MonthlyWage is the overtime pay base in fen: normally the wage agreed
	// in the contract.
	MonthlyWage int64
	// WorkdayHours are hours beyond the working day on working days (150%).
	WorkdayHours int64
	// RestDayHours are hours on rest days for which no time off in lieu was
	// given (200%).
	RestDayHours int64
	// HolidayHours are hours on statutory holidays (300%).
	HolidayHours int64
}

// OvertimePay computes overtime pay under Labour Law art. 44: at least 150%
// of the hourly wage for extended hours on working days, 200% for work on a
// rest day without time off in lieu, 300% on a statutory holiday. The hourly
// wage is the monthly wage ÷ 21.75 ÷ 8 (劳社部发〔2008〕3号: 21.75 paid days
// a month, 8 hours a day). Everything is computed exactly and rounded half up
// to the fen once, at the end:
//
//	pay = wage × (150·h₁ + 200·h₂ + 300·h₃) ÷ (100 × 21.75 × 8)
func OvertimePay(in OvertimeInput) (*Result, error) {
	var p problems
	p.wage("monthly_wage", in.MonthlyWage)
	for _, h := range []struct {
		field string
		v     int64
	}{{"workday_hours", in.WorkdayHours}, {"restday_hours", in.RestDayHours}, {"holiday_hours", in.HolidayHours}} {
		switch {
		case h.v < 0:
			p.add(h.field, "calc.negative")
		case h.v > maxHours:
			p.add(h.field, "calc.too_large")
		}
	}
	if in.WorkdayHours == 0 && in.RestDayHours == 0 && in.HolidayHours == 0 {
		p.add("workday_hours", "calc.no_hours")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	// Weighted hours in hundredths of an hour times percent.
	weighted := 150*in.WorkdayHours + 200*in.RestDayHours + 300*in.HolidayHours
	// wage × weighted/10000 hours ÷ (21.75 × 8) = wage × weighted ÷ (10000 × 174)
	amount, _ := mulDivRound(in.MonthlyWage, weighted, 1_740_000)
	hourly, _ := mulDivRound(in.MonthlyWage, 100, 174) // in 1/10000 yuan, for display only
	r := &Result{Kind: Overtime, AmountFen: amount,
		Citation: Text{"《劳动法》第四十四条；《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）",
			"Labour Law art. 44; MOHRSS notice on monthly working time and wage conversion (劳社部发〔2008〕3号)"}}
	r.input("monthly_wage", Text{"加班费计算基数（月工资）", "Overtime pay base (monthly wage)"}, same(yuan(in.MonthlyWage)))
	r.input("workday_hours", Text{"工作日延长工作时间（小时）", "Extra hours on working days"}, same(hundredths(in.WorkdayHours)))
	r.input("restday_hours", Text{"休息日加班且未补休（小时）", "Hours on rest days without time off in lieu"}, same(hundredths(in.RestDayHours)))
	r.input("holiday_hours", Text{"法定休假日加班（小时）", "Hours on statutory holidays"}, same(hundredths(in.HolidayHours)))
	r.Formula = lines(
		tf("小时工资 = %s ÷ 21.75 ÷ 8 ≈ ¥%s（仅供参考，计算中不取整）", "Hourly wage = %s ÷ 21.75 ÷ 8 ≈ ¥%s (shown rounded; not rounded in the calculation)",
			yuan(in.MonthlyWage), decimal(hourly, 4, false)),
		tf("折算工时 = %s × 150%% + %s × 200%% + %s × 300%% = %s 小时", "Weighted hours = %s × 150%% + %s × 200%% + %s × 300%% = %s hours",
			hundredths(in.WorkdayHours), hundredths(in.RestDayHours), hundredths(in.HolidayHours), decimal(weighted, 4, true)),
		tf("加班费 = %s ÷ 21.75 ÷ 8 × %s = %s（只在最后一步四舍五入到分）", "Overtime pay = %s ÷ 21.75 ÷ 8 × %s = %s (rounded half up to the fen only at the end)",
			yuan(in.MonthlyWage), decimal(weighted, 4, true), yuan(amount)),
	)
	r.Notes = append(r.Notes, Text{
		"加班费计算基数一般为劳动合同约定的工资，且不得低于当地最低工资标准；法定休假日加班即使安排补休，也应支付300%的工资。",
		"The pay base is normally the wage agreed in the contract and not below the local minimum wage; work on a statutory holiday is paid at 300% even if time off is given.",
	})
	return r, nil
}
