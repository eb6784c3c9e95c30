package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// orgAdd adds an organisation unit: portal org add --kind workstation
// --name ... --code ... [--parent CODE].
func orgAdd(args []string) error {
	fs := flag.NewFlagSet("org add", flag.ExitOnError)
	kind := fs.String("kind", account.KindWorkstation, "county_centre or workstation")
	name := fs.String("name", "", "name")
	code := fs.String("code", "", "short code used in case numbers, e.g. QSKF")
	parent := fs.String("parent", "", "code of the parent unit (a workstation's county centre)")
	c, err := parseConfig(fs, args)
	if err != nil {
		return err
	}
	if *name == "" || *code == "" || (*kind != account.KindCountyCentre && *kind != account.KindWorkstation) {
		return fmt.Errorf("org add needs --kind county_centre|workstation, --name and --code")
	}
	ctx := context.Background()
	d, err := open(ctx, c, newLogger(c.LogLevel))
	if err != nil {
		return err
	}
	defer d.Close()
	svc := account.NewService(d)
	u := &account.OrgUnit{Kind: *kind, Name: *name, Code: strings.ToUpper(*code)}
	if *parent != "" {
		var p account.OrgUnit
		if err := d.NewSelect().Model(&p).Where("code = ?", strings.ToUpper(*parent)).Scan(ctx); err != nil {
			return fmt.Errorf("parent %s not found", *parent)
		}
		u.ParentID = p.ID
	}
	if err := svc.CreateOrgUnit(ctx, d, u); err != nil {
		return err
	}
	fmt.Printf("organisation unit %d (%s) created\n", u.ID, u.Code)
	return nil
}

// userAdd creates an account: portal user add --name ... --mobile ...
// --role admin --org CODE. The password comes from PORTAL_NEW_PASSWORD or
// is read from standard input, never from a flag (it would stay in the
// shell history and the process list).
func userAdd(args []string) error {
	fs := flag.NewFlagSet("user add", flag.ExitOnError)
	name := fs.String("name", "", "full name")
	mobile := fs.String("mobile", "", "mainland mobile number")
	email := fs.String("email", "", "e-mail address")
	role := fs.String("role", "", "role: "+rolesList())
	org := fs.String("org", "", "code of the organisation unit (workstation, or county centre for supervisors)")
	enterprise := fs.String("enterprise", "", "credit code of the enterprise (enterprise_staff only)")
	c, err := parseConfig(fs, args)
	if err != nil {
		return err
	}
	password := os.Getenv("PORTAL_NEW_PASSWORD")
	if password == "" {
		fmt.Fprint(os.Stderr, "password: ")
		line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		password = strings.TrimSpace(line)
	}
	ctx := context.Background()
	d, err := open(ctx, c, newLogger(c.LogLevel))
	if err != nil {
		return err
	}
	defer d.Close()
	svc := account.NewService(d)
	in := account.UserInput{Name: *name, Mobile: *mobile, Email: *email, Role: auth.Role(*role), Password: password, Active: true}
	if *org != "" {
		var u account.OrgUnit
		if err := d.NewSelect().Model(&u).Where("code = ?", strings.ToUpper(*org)).Scan(ctx); err != nil {
			return fmt.Errorf("organisation unit %s not found", *org)
		}
		in.OrgUnitID = u.ID
	}
	if *enterprise != "" {
		var e account.Enterprise
		if err := d.NewSelect().Model(&e).Where("credit_code = ?", strings.ToUpper(strings.ReplaceAll(*enterprise, " ", ""))).Scan(ctx); err != nil {
			return fmt.Errorf("enterprise %s not found", *enterprise)
		}
		in.EnterpriseID = e.ID
	}
	u, err := svc.CreateUser(ctx, auth.System, in)
	if err != nil {
		return fmt.Errorf("%v", err)
	}
	fmt.Printf("account %d created for %s (%s)\n", u.ID, u.Name, u.Role)
	return nil
}

func rolesList() string {
	var names []string
	for _, r := range auth.Roles {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}
