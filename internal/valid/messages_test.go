package valid

import (
	"testing"

	"parkportal/internal/errs"
)

// fieldErr returns the only field error of a failed Struct or Var.
func fieldErr(t *testing.T, err error) errs.FieldError {
	t.Helper()
	e := invalidErr(t, err)
	if len(e.Fields) != 1 {
		t.Fatalf("Fields = %+v, want one", e.Fields)
	}
	return e.Fields[0]
}

type messageForm struct {
	USCC     string `form:"uscc" validate:"required,uscc"`
	IDNumber string `form:"id_number" validate:"omitempty,idcard"`
	Mobile   string `form:"mobile" validate:"omitempty,cnmobile"`
}

func TestMessage(t *testing.T) {
	const okUSCC = "91350100M000100Y43"
	tests := []struct {
		name  string
		form  messageForm
		lang  string
		label string
		want  string
	}{
		{"required zh", messageForm{}, "zh", "统一社会信用代码", "统一社会信用代码为必填字段"},
		{"required en", messageForm{}, "en", "Credit code", "Credit code is a required field"},
		{"uscc zh", messageForm{USCC: "913501"}, "zh", "统一社会信用代码", "统一社会信用代码不是有效的统一社会信用代码"},
		{"uscc en", messageForm{USCC: "913501"}, "en-US", "Credit code", "Credit code is not a valid unified social credit code"},
		{"idcard zh", messageForm{USCC: okUSCC, IDNumber: "110105194902300021"}, "zh-CN", "身份证号码", "身份证号码不是有效的居民身份证号码（请检查校验位和出生日期）"},
		{"idcard en", messageForm{USCC: okUSCC, IDNumber: "110105194902300021"}, "en", "ID number", "ID number is not a valid resident identity number (check the check digit and the birth date)"},
		{"cnmobile zh", messageForm{USCC: okUSCC, Mobile: "12345678901"}, "zh", "手机号码", "手机号码不是有效的手机号码"},
		{"cnmobile en", messageForm{USCC: okUSCC, Mobile: "12345678901"}, "en", "Mobile", "Mobile is not a valid mainland mobile number"},
		{"unknown language is zh", messageForm{}, "fr", "统一社会信用代码", "统一社会信用代码为必填字段"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fe := fieldErr(t, Struct(tc.form))
			if got := Message(fe, tc.lang, tc.label); got != tc.want {
				t.Errorf("Message = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMessageVar(t *testing.T) {
	tests := []struct {
		value, tag, lang, label, want string
	}{
		{"", "required", "zh", "姓名", "姓名为必填字段"},
		{"", "required", "en", "Name", "Name is a required field"},
		{"abc", "max=2", "zh", "姓名", "姓名长度不能超过2个字符"},
		{"bad", "cnmobile", "en", "Mobile", "Mobile is not a valid mainland mobile number"},
		{"abc", "credit_card", "zh", "卡号", "卡号的值无效"}, // tag without a translation
		{"abc", "credit_card", "en", "Card number", "Card number is invalid"},
	}
	for _, tc := range tests {
		fe := fieldErr(t, Var("field", tc.value, tc.tag))
		if got := Message(fe, tc.lang, tc.label); got != tc.want {
			t.Errorf("Message(Var %q %q, %s) = %q, want %q", tc.value, tc.tag, tc.lang, got, tc.want)
		}
	}
}

func TestMessageWithoutDetail(t *testing.T) {
	fe := errs.FieldError{Field: "deadline", Code: "case.too_late"}
	if got := Message(fe, "zh", "期限"); got != "" {
		t.Errorf("Message without detail = %q, want empty", got)
	}
}

func TestTranslator(t *testing.T) {
	for lang, want := range map[string]string{"": "zh", "zh": "zh", "zh-CN": "zh", "en": "en", "EN-us": "en", "fr": "zh"} {
		if got := Translator(lang).Locale(); got != want {
			t.Errorf("Translator(%q).Locale() = %q, want %q", lang, got, want)
		}
	}
}

// Every custom tag has a message in every language.
func TestCustomMessagesComplete(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for tag := range customTags {
			if customMessages[lang][tag] == "" {
				t.Errorf("no %s message for tag %s", lang, tag)
			}
		}
		if customMessages[lang][fallbackKey] == "" {
			t.Errorf("no %s fallback message", lang)
		}
	}
}
