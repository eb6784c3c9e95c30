package arbitration

import (
	"strings"
	"time"

	"parkportal/internal/errs"
	"parkportal/internal/money"
	"parkportal/internal/upload"
	"parkportal/internal/valid"
)

// LabourCategories are the kinds of labour dispute a case can name.
var LabourCategories = []string{"wage_arrears", "overtime_pay", "termination_compensation", "social_insurance", "work_injury", "no_written_contract", "non_compete", "other"}

// ContractCategories are the kinds of contract dispute.
var ContractCategories = []string{"payment", "delivery", "quality", "lease", "construction", "service", "ip", "other"}

// PersonInput is an employee concerned by a labour dispute.
type PersonInput struct {
	Name     string `form:"name" json:"name" validate:"required,max=50"`
	IDNumber string `form:"id_number" json:"id_number" validate:"required,idcard"`
	Mobile   string `form:"mobile" json:"mobile" validate:"required,cnmobile"`
}

// ClaimInput is one claim item; Amount is in yuan ("12345.67"). Employee
// is the 1-based position of the employee it belongs to (0: all).
type ClaimInput struct {
	Category    string `form:"category" json:"category" validate:"required"`
	Description string `form:"description" json:"description" validate:"required,max=500"`
	Amount      string `form:"amount" json:"amount" validate:"required"`
	Employee    int    `form:"employee" json:"employee" validate:"gte=0"`
}

// Submission is a dispute as filed by enterprise staff or registered at
// the intake window. Dates are YYYY-MM-DD, amounts in yuan.
type Submission struct {
	Kind         Kind     `form:"kind" json:"kind" validate:"required,oneof=labour contract"`
	EnterpriseID int64    `form:"enterprise_id" json:"enterprise_id"`
	Title        string   `form:"title" json:"title" validate:"required,max=100"`
	Categories   []string `form:"categories" json:"categories" validate:"required,min=1,max=8"`
	Facts        string   `form:"facts" json:"facts" validate:"required,max=5000"`
	Tried        string   `form:"tried" json:"tried" validate:"max=2000"`
	KnownSince   string   `form:"known_since" json:"known_since" validate:"omitempty,datetime=2006-01-02"`

	Job             string        `form:"job" json:"job" validate:"max=50"`
	EmploymentStart string        `form:"employment_start" json:"employment_start" validate:"omitempty,datetime=2006-01-02"`
	EmploymentEnd   string        `form:"employment_end" json:"employment_end" validate:"omitempty,datetime=2006-01-02"`
	MonthlyWage     string        `form:"monthly_wage" json:"monthly_wage"`
	Employees       []PersonInput `form:"employees" json:"employees" validate:"max=200,dive"`

	CounterpartyName       string `form:"counterparty_name" json:"counterparty_name" validate:"max=100"`
	CounterpartyCode       string `form:"counterparty_code" json:"counterparty_code" validate:"omitempty,uscc"`
	ContractNumber         string `form:"contract_number" json:"contract_number" validate:"max=50"`
	ContractDate           string `form:"contract_date" json:"contract_date" validate:"omitempty,datetime=2006-01-02"`
	ContractValue          string `form:"contract_value" json:"contract_value"`
	ArbitrationClause      bool   `form:"arbitration_clause" json:"arbitration_clause"`
	ArbitrationInstitution string `form:"arbitration_institution" json:"arbitration_institution" validate:"max=100"`

	Claims []ClaimInput `form:"claims" json:"claims" validate:"required,min=1,max=50,dive"`

	// Files are evidence already checked and stored by upload.Store; they
	// are recorded in the submission's transaction.
	Files []upload.File `form:"-" json:"-"`
}

// normalise trims text and drops rows left entirely empty by a form.
func (s *Submission) normalise() {
	s.Title, s.Facts, s.Tried = strings.TrimSpace(s.Title), strings.TrimSpace(s.Facts), strings.TrimSpace(s.Tried)
	s.CounterpartyName = strings.TrimSpace(s.CounterpartyName)
	s.ArbitrationInstitution = strings.TrimSpace(s.ArbitrationInstitution)
	var emps []PersonInput
	for _, e := range s.Employees {
		e.Name, e.IDNumber, e.Mobile = strings.TrimSpace(e.Name), valid.NormalizeIDNumber(e.IDNumber), valid.NormalizeMobile(e.Mobile)
		if e.Name != "" || e.IDNumber != "" || e.Mobile != "" {
			emps = append(emps, e)
		}
	}
	s.Employees = emps
	var claims []ClaimInput
	for _, c := range s.Claims {
		c.Description = strings.TrimSpace(c.Description)
		if c.Category != "" || c.Description != "" || strings.TrimSpace(c.Amount) != "" {
			claims = append(claims, c)
		}
	}
	s.Claims = claims
	s.CounterpartyCode = valid.NormalizeUSCC(s.CounterpartyCode)
}

// checked is a submission past validation, with parsed values.
type checked struct {
	*Submission
	known, empStart, empEnd, contractDate time.Time
	wage, contractValue                   int64
	claimFen                              []int64
}

// check validates what struct tags cannot: categories by kind, dates in
// order, amounts, the fields each kind requires. All problems at once.
func (s *Submission) check() (*checked, error) {
	s.normalise()
	var fields []errs.FieldError
	if err := valid.Struct(s); err != nil {
		e := err.(*errs.Error)
		if e.Kind != errs.Invalid {
			return nil, err
		}
		fields = append(fields, e.Fields...)
	}
	add := func(field, code string, args ...any) {
		fields = append(fields, errs.FieldError{Field: field, Code: code, Args: args})
	}
	c := &checked{Submission: s}
	allowed := LabourCategories
	if s.Kind == Contract {
		allowed = ContractCategories
	}
	for _, cat := range s.Categories {
		if !contains(allowed, cat) {
			add("categories", "case.bad_category")
			break
		}
	}
	date := func(field, v string) time.Time {
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return time.Time{} // the datetime tag reported it
		}
		return t
	}
	amount := func(field, v string, required bool) int64 {
		if strings.TrimSpace(v) == "" {
			if required {
				add(field, "required")
			}
			return 0
		}
		fen, ok := money.Parse(v)
		if !ok {
			add(field, "case.bad_amount")
		}
		return fen
	}
	c.known = date("known_since", s.KnownSince)
	switch s.Kind {
	case Labour:
		c.empStart, c.empEnd = date("employment_start", s.EmploymentStart), date("employment_end", s.EmploymentEnd)
		if !c.empStart.IsZero() && !c.empEnd.IsZero() && c.empEnd.Before(c.empStart) {
			add("employment_end", "case.end_before_start")
		}
		c.wage = amount("monthly_wage", s.MonthlyWage, false)
		if len(s.Employees) == 0 {
			add("employees", "case.employees_required")
		}
	case Contract:
		if s.CounterpartyName == "" {
			add("counterparty_name", "required")
		}
		c.contractDate = date("contract_date", s.ContractDate)
		c.contractValue = amount("contract_value", s.ContractValue, false)
		if s.ArbitrationClause && s.ArbitrationInstitution == "" {
			// 仲裁法 arts. 16, 18: a clause naming no institution is invalid
			// unless supplemented; the field must name one.
			add("arbitration_institution", "case.institution_required")
		}
	}
	for i, cl := range s.Claims {
		prefix := "claims[" + itoa(i) + "]."
		if cl.Category != "" && !contains(allowed, cl.Category) {
			add(prefix+"category", "case.bad_category")
		}
		if cl.Employee > len(s.Employees) {
			add(prefix+"employee", "case.bad_employee")
		}
		c.claimFen = append(c.claimFen, amount(prefix+"amount", cl.Amount, false))
	}
	if len(fields) > 0 {
		return nil, &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
	}
	return c, nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
