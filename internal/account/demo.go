package account

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// DemoPassword is the password of every demo account (listed in README).
const DemoPassword = "demo-2026"

// DemoAccount is one seeded demo login.
type DemoAccount struct {
	Role   auth.Role
	Name   string
	Mobile string
	Email  string
}

// DemoAccounts lists the demo logins, one per role (the README repeats it).
var DemoAccounts = []DemoAccount{
	{auth.EnterpriseStaff, "林晓燕", "13800000001", "hr@demo.example"},
	{auth.IntakeOfficer, "陈立新", "13800000002", "intake@demo.example"},
	{auth.Mediator, "王桂兰", "13800000003", "mediator@demo.example"},
	{auth.Arbitrator, "赵建国", "13800000004", "arbitrator@demo.example"},
	{auth.LegalExpert, "孙律", "13800000005", "expert@demo.example"},
	{auth.Judge, "周正", "13800000006", "judge@demo.example"},
	{auth.Admin, "吴敏", "13800000007", "admin@demo.example"},
	{auth.Supervisor, "郑海", "13800000008", "supervisor@demo.example"},
}

// demoEnterprises: name, industry, zone, building, employees. Their credit
// codes are made valid by computing the check character.
var demoEnterprises = []struct {
	name, industry, zone, building string
	employees                      int
}{
	{"青山精密机械有限公司", "装备制造", "A区", "A3栋", 420},
	{"青山新材料科技有限公司", "新材料", "A区", "A5栋", 260},
	{"绿源食品股份有限公司", "食品加工", "B区", "B1栋", 380},
	{"青山电子元件有限公司", "电子信息", "B区", "B2栋", 610},
	{"恒达物流有限公司", "现代物流", "C区", "C1栋", 150},
	{"青山纺织服装有限公司", "纺织服装", "C区", "C4栋", 530},
}

// DemoCreditCode returns the i-th demo enterprise's valid credit code.
func DemoCreditCode(i int) string {
	first17 := fmt.Sprintf("913307810%07dX", 6200+i)
	first17 = first17[:17]
	check, _ := valid.USCCCheckChar(first17)
	return first17 + string(check)
}

// SeedDemo creates the demo park when the database has no organisation
// yet, and reports whether it did. Everything seeded is marked demo.
func (s *Service) SeedDemo(ctx context.Context) (bool, error) {
	n, err := s.DB.NewSelect().Model((*OrgUnit)(nil)).Count(ctx)
	if err != nil {
		return false, errs.Wrap(err, "count org units")
	}
	if n > 0 {
		return false, nil
	}
	hash, err := HashPassword(DemoPassword, s.Hash)
	if err != nil {
		return false, errs.Wrap(err, "hash password")
	}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		county := &OrgUnit{Kind: KindCountyCentre, Name: "青山县社会治理综合服务中心", Code: "QSX", Demo: true}
		if err := s.CreateOrgUnit(ctx, tx, county); err != nil {
			return err
		}
		park := &OrgUnit{ParentID: county.ID, Kind: KindWorkstation, Name: "青山经济开发区矛盾纠纷调处工作站", Code: "QSKF", Demo: true}
		if err := s.CreateOrgUnit(ctx, tx, park); err != nil {
			return err
		}
		var firstEnterprise int64
		for i, d := range demoEnterprises {
			e := &Enterprise{OrgUnitID: park.ID, Name: d.name, CreditCode: DemoCreditCode(i), Industry: d.industry,
				Zone: d.zone, Building: d.building, Address: "青山经济开发区" + d.zone + d.building,
				ContactName: "人事部", ContactMobile: fmt.Sprintf("1390000%04d", i+1), Employees: d.employees, Demo: true}
			if err := s.InsertEnterprise(ctx, tx, e); err != nil {
				return err
			}
			if i == 0 {
				firstEnterprise = e.ID
			}
		}
		if err := s.seedLayout(ctx, tx, park.ID); err != nil {
			return err
		}
		now := s.now()
		for _, d := range DemoAccounts {
			u := &User{Name: d.Name, Mobile: d.Mobile, Email: d.Email, PasswordHash: hash, Role: d.Role,
				OrgUnitID: park.ID, Active: true, Demo: true, Version: 1, PasswordChangedAt: now, CreatedAt: now, UpdatedAt: now}
			switch d.Role {
			case auth.Supervisor:
				u.OrgUnitID = county.ID
			case auth.EnterpriseStaff:
				u.EnterpriseID = firstEnterprise
			}
			if _, err := tx.NewInsert().Model(u).Exec(ctx); err != nil {
				return errs.Wrap(err, "insert demo user")
			}
		}
		return nil
	})
	return err == nil, err
}
