package valid

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"

	"parkportal/internal/errs"
)

// validate is the one validator of the portal, set up once with the field
// name rule, the custom tags and the zh/en translations; a set-up error is a
// programming error, so it panics at start-up rather than validating nothing.
var validate = mustNewValidate()

// customTags are the tags this package adds; each check normalises first, so
// lower case, spaces and hyphens in the input are accepted.
var customTags = map[string]func(string) bool{
	"uscc":     ValidUSCC,     // unified social credit code, GB 32100-2015
	"idcard":   ValidIDNumber, // resident identity number, GB 11643-1999
	"cnmobile": ValidMobile,   // mainland mobile number
}

func mustNewValidate() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(fieldName)
	for tag, check := range customTags {
		err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool {
			f := fl.Field()
			return f.Kind() == reflect.String && check(f.String())
		})
		if err != nil {
			panic(fmt.Sprintf("valid: register tag %s: %v", tag, err))
		}
	}
	if err := registerTranslations(v); err != nil {
		panic(fmt.Sprintf("valid: register translations: %v", err))
	}
	return v
}

// fieldName names a field in errors as the form does: the `form` tag, else
// the `json` tag, else the Go name ("-" and options are ignored).
func fieldName(f reflect.StructField) string {
	for _, key := range []string{"form", "json"} {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		if name != "" && name != "-" {
			return name
		}
	}
	return f.Name
}

// Struct validates a struct (or a pointer to one) by its `validate` tags. It
// returns nil when every rule holds, an *errs.Error of kind Invalid with one
// errs.FieldError per failed rule otherwise. Field names are paths without
// the top struct name, e.g. "employees[1].id_number". A nil or non-struct
// value, or a struct with an unknown tag, is an Internal error: never a pass.
func Struct(v any) (err error) {
	defer recoverInternal(&err, "valid.Struct")
	top := ""
	if t := reflect.TypeOf(v); t != nil {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Name() != "" {
			top = t.Name() + "."
		}
	}
	return fromValidator(validate.Struct(v), func(fe validator.FieldError) string {
		return strings.TrimPrefix(fe.Namespace(), top)
	})
}

// Var validates one value against tag (e.g. "required,uscc") and reports a
// failure as Struct does, under the name field. An unknown tag is an
// Internal error.
func Var(field string, value any, tag string) (err error) {
	defer recoverInternal(&err, "valid.Var")
	return fromValidator(validate.Var(value, tag), func(validator.FieldError) string { return field })
}

// fromValidator turns the validator's result into the portal's error kinds.
// ValidationErrors are matched by their own type: matching any other type
// (e.g. *fiber.Error) never succeeds and would let bad input through.
func fromValidator(err error, name func(validator.FieldError) string) error {
	if err == nil {
		return nil
	}
	var failed validator.ValidationErrors
	if !errors.As(err, &failed) || len(failed) == 0 {
		return errs.Wrap(err, "validate")
	}
	out := &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Err: err}
	for _, fe := range failed {
		out.Fields = append(out.Fields, errs.FieldError{
			Field:  name(fe),
			Code:   fe.Tag(),
			Param:  fe.Param(),
			Detail: fe,
		})
	}
	return out
}

// recoverInternal turns a validator panic (an unknown or malformed tag) into
// an Internal error, so a programming mistake is reported and logged instead
// of crashing the request or passing the input.
func recoverInternal(err *error, where string) {
	if r := recover(); r != nil {
		*err = &errs.Error{Kind: errs.Internal, Key: "error.internal", Err: fmt.Errorf("%s: %v", where, r)}
	}
}
