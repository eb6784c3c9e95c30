package valid

import (
	"errors"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

type testEmployee struct {
	Name     string `form:"name" validate:"required"`
	IDNumber string `form:"id_number" validate:"required,idcard"`
	Mobile   string `json:"mobile,omitempty" validate:"omitempty,cnmobile"`
}

type testCompany struct {
	Name      string         `form:"name" validate:"required,max=50"`
	USCC      string         `form:"uscc" json:"credit_code" validate:"required,uscc"`
	Email     string         `validate:"omitempty,email"`
	Ignored   string         `form:"-" json:"-" validate:"omitempty,cnmobile"`
	Employees []testEmployee `form:"employees" validate:"dive"`
}

func validCompany() testCompany {
	return testCompany{
		Name:  "某某科技有限公司",
		USCC:  "9135 0100 m000 100y 43", // as typed: normalised by the check
		Email: "hr@example.com",
		Employees: []testEmployee{
			{Name: "张三", IDNumber: "11010519491231002x", Mobile: "138 0013 8000"},
			{Name: "李四", IDNumber: "110101199003070011"},
		},
	}
}

// invalidErr asserts that err is an Invalid *errs.Error and returns it.
func invalidErr(t *testing.T, err error) *errs.Error {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Kind != errs.Invalid || e.Key != "error.invalid" {
		t.Fatalf("err = %v, want an Invalid *errs.Error", err)
	}
	return e
}

func TestStructValid(t *testing.T) {
	c := validCompany()
	if err := Struct(c); err != nil {
		t.Errorf("Struct(valid) = %v, want nil", err)
	}
	if err := Struct(&c); err != nil {
		t.Errorf("Struct(&valid) = %v, want nil", err)
	}
}

// Each rule refuses bad input on its own and reports the field path, the tag
// and the parameter.
func TestStructRefuses(t *testing.T) {
	tests := []struct {
		name   string
		change func(*testCompany)
		field  string
		code   string
		param  string
	}{
		{"required", func(c *testCompany) { c.Name = "" }, "name", "required", ""},
		{"max", func(c *testCompany) { c.Name = strings.Repeat("字", 51) }, "name", "max", "50"},
		{"uscc required", func(c *testCompany) { c.USCC = "" }, "uscc", "required", ""},
		{"uscc check char", func(c *testCompany) { c.USCC = "91350100M000100Y44" }, "uscc", "uscc", ""},
		{"email", func(c *testCompany) { c.Email = "not-an-email" }, "Email", "email", ""},
		{"idcard in a slice", func(c *testCompany) { c.Employees[1].IDNumber = "110101199002300011" }, "employees[1].id_number", "idcard", ""},
		{"required in a slice", func(c *testCompany) { c.Employees[0].Name = "" }, "employees[0].name", "required", ""},
		{"cnmobile, json name", func(c *testCompany) { c.Employees[0].Mobile = "12800138000" }, "employees[0].mobile", "cnmobile", ""},
		{"form and json -, Go name", func(c *testCompany) { c.Ignored = "123" }, "Ignored", "cnmobile", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := validCompany()
			tc.change(&c)
			e := invalidErr(t, Struct(&c))
			if len(e.Fields) != 1 {
				t.Fatalf("Fields = %+v, want exactly one", e.Fields)
			}
			f := e.Fields[0]
			if f.Field != tc.field || f.Code != tc.code || f.Param != tc.param || f.Detail == nil {
				t.Errorf("field error = {%q %q %q %v}, want {%q %q %q detail}", f.Field, f.Code, f.Param, f.Detail, tc.field, tc.code, tc.param)
			}
		})
	}
}

func TestStructReportsEveryField(t *testing.T) {
	e := invalidErr(t, Struct(testCompany{Employees: []testEmployee{{}}}))
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Field+":"+f.Code)
	}
	want := "name:required uscc:required employees[0].name:required employees[0].id_number:required"
	if strings.Join(got, " ") != want {
		t.Errorf("fields = %v, want %s", got, want)
	}
}

// Anonymous structs have no top name to strip.
func TestStructAnonymous(t *testing.T) {
	v := struct {
		Mobile string `form:"mobile" validate:"cnmobile"`
	}{"123"}
	if f := invalidErr(t, Struct(v)).Fields[0]; f.Field != "mobile" {
		t.Errorf("Field = %q, want mobile", f.Field)
	}
}

// What cannot be validated is an Internal error, never a pass.
func TestStructInternal(t *testing.T) {
	type badTag struct {
		X string `validate:"no_such_tag"`
	}
	for name, v := range map[string]any{
		"nil":         nil,
		"nil pointer": (*testCompany)(nil),
		"not struct":  42,
		"string":      "91350100M000100Y43",
		"unknown tag": badTag{"x"},
	} {
		if err := Struct(v); !errs.Is(err, errs.Internal) {
			t.Errorf("%s: Struct = %v, want Internal", name, err)
		}
	}
}

func TestVar(t *testing.T) {
	tests := []struct {
		value any
		tag   string
		ok    bool
	}{
		{"91350100m000100y43", "required,uscc", true},
		{"91350100M000100Y44", "required,uscc", false},
		{"", "required,uscc", false},
		{"", "omitempty,uscc", true},
		{"11010519491231002x", "idcard", true},
		{"11010519491231002", "idcard", false},
		{"+86 138 0013 8000", "cnmobile", true},
		{"12800138000", "cnmobile", false},
		{42, "cnmobile", false}, // not a string
	}
	for _, tc := range tests {
		err := Var("field", tc.value, tc.tag)
		if tc.ok {
			if err != nil {
				t.Errorf("Var(%v, %q) = %v, want nil", tc.value, tc.tag, err)
			}
			continue
		}
		e := invalidErr(t, err)
		if len(e.Fields) != 1 || e.Fields[0].Field != "field" || e.Fields[0].Detail == nil {
			t.Errorf("Var(%v, %q) fields = %+v", tc.value, tc.tag, e.Fields)
		}
	}
	if err := Var("x", "a", "no_such_tag"); !errs.Is(err, errs.Internal) {
		t.Errorf("Var with unknown tag = %v, want Internal", err)
	}
	f := invalidErr(t, Var("name", "abc", "max=2")).Fields[0]
	if f.Code != "max" || f.Param != "2" {
		t.Errorf("Var max: code %q param %q, want max 2", f.Code, f.Param)
	}
}
