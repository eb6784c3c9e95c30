package arbitration

import (
	"context"
	"fmt"
	"strings"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// SeedDemo files a few demo cases through the service itself, so the demo
// park shows every window at work: one labour case at the judge station,
// one in mediation, one contract case waiting at intake, and an answered
// consultation. It does nothing when cases exist already.
func (s *Service) SeedDemo(ctx context.Context) error {
	n, err := s.DB.NewSelect().Model((*Case)(nil)).Count(ctx)
	if err != nil || n > 0 {
		return errs.Wrap(err, "count cases")
	}
	actors := map[auth.Role]auth.Actor{}
	var users []struct {
		ID           int64     `bun:"id"`
		Name         string    `bun:"name"`
		Role         auth.Role `bun:"role"`
		OrgUnitID    int64     `bun:"org_unit_id"`
		EnterpriseID int64     `bun:"enterprise_id"`
	}
	if err := s.DB.NewSelect().Table("users").Column("id", "name", "role", "org_unit_id", "enterprise_id").Where("demo").Scan(ctx, &users); err != nil {
		return errs.Wrap(err, "demo users")
	}
	for _, u := range users {
		actors[u.Role] = auth.Actor{UserID: u.ID, Name: u.Name, Role: u.Role, OrgUnitID: u.OrgUnitID, EnterpriseID: u.EnterpriseID}
	}
	hr, intake, mediator, judge := actors[auth.EnterpriseStaff], actors[auth.IntakeOfficer], actors[auth.Mediator], actors[auth.Judge]
	if hr.UserID == 0 || mediator.UserID == 0 {
		return nil
	}
	id := func(first17 string) string { return first17 + string(valid.IDCheckDigit(first17)) }
	labour := func(title string, names ...string) Submission {
		sub := Submission{Kind: Labour, Title: title, Categories: []string{"wage_arrears", "overtime_pay"},
			Facts: "因订单减少、资金周转困难，公司未按时足额支付员工工资及加班费。员工多次向人事部门反映未果。", Tried: "人事部门与员工协商一次，未达成一致。",
			Job: "装配工", EmploymentStart: "2023-04-01", MonthlyWage: "7800"}
		for i, n := range names {
			sub.Employees = append(sub.Employees, PersonInput{Name: n, IDNumber: id(fmt.Sprintf("33078119%02d0%d1502%d", 88+i, 1+i, i)), Mobile: fmt.Sprintf("139%08d", 57010000+i)})
			sub.Claims = append(sub.Claims, ClaimInput{Category: "wage_arrears", Description: "拖欠工资", Amount: "7800", Employee: i + 1})
		}
		return sub
	}
	step := func(c *Case, a auth.Actor, action Action, in MoveInput) (*Case, error) {
		in.Version = c.Version
		return s.Move(ctx, a, c.ID, action, in)
	}
	// 1. Agreement in effect, confirmed by the court's acceptance.
	f1, err := s.Submit(ctx, hr, labour("拖欠3名员工工资及加班费", "李明", "王芳", "张伟"))
	if err != nil {
		return err
	}
	c := f1.Case
	if c, err = step(c, intake, ActionClassifyMediation, MoveInput{HandlerID: mediator.UserID}); err != nil {
		return err
	}
	if c, err = step(c, mediator, ActionRecordSession, MoveInput{HeldOn: clock.DateOf(s.now()).String(), Attendees: "林晓燕、李明、王芳、张伟", Summary: "双方核对工资台账，公司承认欠薪数额，员工同意分期支付。"}); err != nil {
		return err
	}
	if c, err = step(c, mediator, ActionDraftAgreement, MoveInput{Facts: "公司拖欠李明、王芳、张伟工资共计23,400元。",
		Terms:    "一、公司于协议生效后10日内向三名员工各支付工资7,800元。\n二、三名员工放弃就本纠纷的其他请求。",
		Payments: []PaymentInput{{Due: clock.DateOf(s.now()).AddDays(10).String(), Amount: "23400", Payer: "青山精密机械有限公司", Payee: "李明、王芳、张伟", Method: "银行转账"}}}); err != nil {
		return err
	}
	if c, err = step(c, hr, ActionConfirmAgreement, MoveInput{}); err != nil {
		return err
	}
	for _, code := range f1.Codes {
		if c, err = step(c, auth.Actor{Name: code.Name, Role: auth.Party, CaseID: c.ID, PartyID: code.PartyID}, ActionConfirmAgreement, MoveInput{}); err != nil {
			return err
		}
	}
	if c, err = step(c, mediator, ActionSignAgreement, MoveInput{}); err != nil {
		return err
	}
	if c, err = step(c, hr, ActionJoinApplication, MoveInput{}); err != nil {
		return err
	}
	for _, code := range f1.Codes {
		if c, err = step(c, intake, ActionJoinApplication, MoveInput{PartyID: code.PartyID}); err != nil {
			return err
		}
	}
	if judge.UserID != 0 {
		if _, err = step(c, judge, ActionAcceptApplication, MoveInput{}); err != nil {
			return err
		}
	}
	// 2. In mediation.
	f2, err := s.Submit(ctx, hr, labour("解除劳动合同经济补偿争议", "赵强"))
	if err != nil {
		return err
	}
	if _, err = step(f2.Case, intake, ActionClassifyMediation, MoveInput{HandlerID: mediator.UserID}); err != nil {
		return err
	}
	// 3. A contract dispute waiting at intake, against another park enterprise.
	var other struct {
		Name string `bun:"name"`
		Code string `bun:"credit_code"`
	}
	s.DB.NewSelect().Table("enterprises").Column("name", "credit_code").Where("demo AND id <> ?", hr.EnterpriseID).OrderExpr("id").Limit(1).Scan(ctx, &other)
	if _, err = s.Submit(ctx, hr, Submission{Kind: Contract, Title: "零部件货款逾期未付", Categories: []string{"payment"},
		Facts: "我司按合同交付零部件并经验收，对方逾期90日未支付货款。", CounterpartyName: other.Name, CounterpartyCode: other.Code,
		ContractNumber: "QSJM-2026-031", ContractDate: "2026-03-15", ContractValue: "186000",
		Claims: []ClaimInput{{Category: "payment", Description: "货款及逾期付款利息", Amount: "186000"}}}); err != nil {
		return err
	}
	// 4. A consultation answered at the window.
	f4, err := s.Submit(ctx, hr, Submission{Kind: Labour, Title: "试用期延长是否合法（咨询）", Categories: []string{"other"},
		Facts: "员工试用期满前，公司拟再延长两个月试用期。", Employees: []PersonInput{{Name: "陈静", IDNumber: id("33078119950612002"), Mobile: "13957019999"}},
		Claims: []ClaimInput{{Category: "other", Description: "咨询", Amount: "0"}}})
	if err != nil {
		return err
	}
	_, err = step(f4.Case, intake, ActionAnswerConsultation, MoveInput{Note: strings.Join([]string{
		"同一用人单位与同一劳动者只能约定一次试用期（《劳动合同法》第19条），不得延长；",
		"违法约定的试用期已经履行的，由用人单位以试用期满月工资为标准支付赔偿金（第83条）。"}, "")})
	return err
}
