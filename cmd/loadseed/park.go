package main

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// seeder holds what the generated cases refer to.
type seeder struct {
	db    *bun.DB
	now   time.Time
	seed  int64
	park  int64                // the demo workstation
	staff map[auth.Role]person // the demo staff accounts
	// enterprises: the six demo ones first, then the extra ones; each with
	// the staff account that files its cases.
	enterprises []enterprise
}

type person struct {
	ID   int64  `bun:"id"`
	Name string `bun:"name"`
	Role string `bun:"role"`
}

type enterprise struct {
	ID, StaffID      int64
	Name, Code, User string
}

// loadPark reads the demo workstation, its staff and its enterprises.
func (s *seeder) loadPark(ctx context.Context) error {
	if err := s.db.NewSelect().Table("org_units").Column("id").Where("code = 'QSKF'").Scan(ctx, &s.park); err != nil {
		return fmt.Errorf("demo workstation: %w", err)
	}
	var users []person
	if err := s.db.NewSelect().Table("users").Column("id", "name", "role").Where("demo").Scan(ctx, &users); err != nil {
		return err
	}
	s.staff = map[auth.Role]person{}
	for _, u := range users {
		s.staff[auth.Role(u.Role)] = u
	}
	var ents []account.Enterprise
	if err := s.db.NewSelect().Model(&ents).Where("org_unit_id = ?", s.park).Order("id").Scan(ctx); err != nil {
		return err
	}
	hr := s.staff[auth.EnterpriseStaff]
	for i, e := range ents {
		x := enterprise{ID: e.ID, Name: e.Name, Code: e.CreditCode}
		if i == 0 { // the demo enterprise-staff account works for the first one
			x.StaffID, x.User = hr.ID, hr.Name
		}
		s.enterprises = append(s.enterprises, x)
	}
	return nil
}

// addEnterprises adds n demo enterprises with valid credit codes, each
// with one enterprise-staff account (password account.DemoPassword,
// mobile 1381000NNNN).
func (s *seeder) addEnterprises(ctx context.Context, n int) error {
	if n <= 0 {
		return nil
	}
	hash, err := account.HashPassword(account.DemoPassword, account.DefaultHashParams)
	if err != nil {
		return err
	}
	first := len(s.enterprises)
	ents := make([]account.Enterprise, n)
	for i := range ents {
		k := first + i
		zone := string(rune('A' + k%4))
		ents[i] = account.Enterprise{OrgUnitID: s.park, Name: fmt.Sprintf("青山%s%s有限公司", pick(entWords, k), pick(entTrades, k/len(entWords))),
			CreditCode: account.DemoCreditCode(k), Industry: pick(industries, k), Zone: zone + "区", Building: fmt.Sprintf("%s%d栋", zone, 1+k%12),
			Address: fmt.Sprintf("青山经济开发区%s区%s%d栋", zone, zone, 1+k%12), ContactName: "人事部", ContactMobile: fmt.Sprintf("1390100%04d", k),
			Employees: 50 + (k*37)%900, Demo: true, Version: 1, CreatedAt: s.now, UpdatedAt: s.now}
	}
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(&ents).Returning("id").Exec(ctx); err != nil {
			return fmt.Errorf("insert enterprises: %w", err)
		}
		users := make([]account.User, n)
		for i, e := range ents {
			users[i] = account.User{Name: pick(surnames, i) + pick(givenNames, i/len(surnames)), Mobile: fmt.Sprintf("1381000%04d", first+i),
				PasswordHash: hash, Role: auth.EnterpriseStaff, OrgUnitID: s.park, EnterpriseID: e.ID, Active: true, Demo: true,
				Version: 1, PasswordChangedAt: s.now, CreatedAt: s.now, UpdatedAt: s.now}
		}
		if _, err := tx.NewInsert().Model(&users).Returning("id").Exec(ctx); err != nil {
			return fmt.Errorf("insert enterprise staff: %w", err)
		}
		for i, e := range ents {
			s.enterprises = append(s.enterprises, enterprise{ID: e.ID, Name: e.Name, Code: e.CreditCode, StaffID: users[i].ID, User: users[i].Name})
		}
		return nil
	})
}

// pick returns list[i mod len(list)].
func pick[T any](list []T, i int) T { return list[((i%len(list))+len(list))%len(list)] }

var (
	entWords   = []string{"精工", "恒信", "宏达", "华益", "新材", "东方", "瑞丰", "汇通", "正泰", "金桥", "天成", "绿源", "嘉禾", "永安", "博远", "盛世", "联创", "鑫达", "安捷", "明德"}
	entTrades  = []string{"机械", "电子", "纺织", "食品", "物流", "化工", "包装", "汽配", "医药", "建材", "家具"}
	industries = []string{"装备制造", "电子信息", "纺织服装", "食品加工", "现代物流", "新材料", "生物医药", "建材"}
	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"}
	givenNames = []string{"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "晓燕", "海燕", "桂英", "立新", "丽", "平", "刚"}
)
