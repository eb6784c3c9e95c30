package valid

import (
	"strings"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	en_translations "github.com/go-playground/validator/v10/translations/en"
	zh_translations "github.com/go-playground/validator/v10/translations/zh"

	"parkportal/internal/errs"
)

// Messages come in zh (the default) and en. The standard tags use the
// validator's own zh and en translations; the custom tags and the fallback
// for tags without a translation are in customMessages. "{0}" is the field,
// which Message replaces by the caller's label. To add a language, add its
// locale to universal, its default translations to registerTranslations and
// a column to customMessages.

// fallbackKey is the message for a tag that has no translation.
const fallbackKey = "valid.fallback"

// customMessages holds this package's texts, by language, then key.
var customMessages = map[string]map[string]string{
	"zh": {
		"uscc":      "{0}不是有效的统一社会信用代码",
		"idcard":    "{0}不是有效的居民身份证号码（请检查校验位和出生日期）",
		"cnmobile":  "{0}不是有效的手机号码",
		fallbackKey: "{0}的值无效",
	},
	"en": {
		"uscc":      "{0} is not a valid unified social credit code",
		"idcard":    "{0} is not a valid resident identity number (check the check digit and the birth date)",
		"cnmobile":  "{0} is not a valid mainland mobile number",
		fallbackKey: "{0} is invalid",
	},
}

// universal holds the translators; zh is the fallback locale.
var universal = ut.New(zh.New(), zh.New(), en.New())

// registerTranslations registers the default and the custom translations on
// v for every language.
func registerTranslations(v *validator.Validate) error {
	zhT, enT := Translator("zh"), Translator("en")
	if err := zh_translations.RegisterDefaultTranslations(v, zhT); err != nil {
		return err
	}
	if err := en_translations.RegisterDefaultTranslations(v, enT); err != nil {
		return err
	}
	for lang, messages := range customMessages {
		trans := Translator(lang)
		for key, text := range messages {
			if key == fallbackKey { // not a tag: Message looks it up itself
				if err := trans.Add(key, text, true); err != nil {
					return err
				}
				continue
			}
			err := v.RegisterTranslation(key, trans,
				func(t ut.Translator) error { return t.Add(key, text, true) },
				func(t ut.Translator, fe validator.FieldError) string {
					msg, err := t.T(fe.Tag(), fe.Field())
					if err != nil {
						return fe.Error()
					}
					return msg
				})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// Translator returns the validator translator for lang: "en" (or any "en-…")
// gives English, anything else the default, Chinese.
func Translator(lang string) ut.Translator {
	locale := "zh"
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		locale = "en"
	}
	t, _ := universal.GetTranslator(locale)
	return t
}

// Message returns the message for one field error in lang with the field
// shown as label (the field's human name from the caller's catalog, e.g.
// "统一社会信用代码"). It returns "" when fe did not come from the validator
// (Detail is not a validator.FieldError): the caller then looks up fe.Code in
// its own catalog.
func Message(fe errs.FieldError, lang, label string) string {
	detail, ok := fe.Detail.(validator.FieldError)
	if !ok {
		return ""
	}
	if label == "" {
		label = fe.Field
	}
	trans := Translator(lang)
	msg := detail.Translate(trans)
	if msg == detail.Error() { // no translation for this tag
		msg, _ = trans.T(fallbackKey, detail.Field())
	}
	// Every template starts with {0}, the validator's field name; Var errors
	// have an empty field name, so the label is simply put in front.
	raw := detail.Field()
	if raw == "" || strings.HasPrefix(msg, raw) {
		return label + msg[len(raw):]
	}
	return strings.Replace(msg, raw, label, 1)
}
