package portal_test

import (
	"testing"

	"parkportal/checkup"
	"parkportal/portal"
)

// The checkup pages build some catalog keys at run time (statuses, audit
// trail actions); TestCatalogsComplete only sees literal keys, so these
// are checked here, in both languages.
func TestCheckupDynamicKeysExist(t *testing.T) {
	var keys []string
	for _, s := range checkup.Statuses {
		keys = append(keys, "checkup.status."+string(s))
	}
	for _, s := range checkup.ItemStatuses {
		keys = append(keys, "checkup.item."+string(s))
	}
	for _, a := range []string{checkup.ActCreated, checkup.ActSubmitted, checkup.ActFindingAdded, checkup.ActOverridden, checkup.ActIssued,
		checkup.ActItemStarted, checkup.ActEvidenceAdded, checkup.ActItemSubmitted, checkup.ActItemVerified, checkup.ActItemSentBack} {
		keys = append(keys, "checkup.event."+a)
	}
	// Error and field codes the checkup service and engine return.
	keys = append(keys, checkup.CodeUnknownQuestion, checkup.CodeUnknownColumn, checkup.CodeBadType, checkup.CodeBadOption,
		checkup.CodeBadNumber, checkup.CodeNotInteger, checkup.CodeOutOfRange, checkup.CodeBadDate, checkup.CodeTooLong,
		checkup.CodeTooManyRows, checkup.CodeRequired, "checkup.incomplete", "checkup.not_found", "checkup.not_draft",
		"checkup.not_submitted", "checkup.not_issued", "checkup.already_open", "checkup.no_report", "checkup.item_bad_state",
		"checkup.evidence_required", "checkup.questionnaire_not_found", "upload.empty", "upload.too_large", "upload.bad_type")
	for _, k := range keys {
		if !portal.Has(k) {
			t.Errorf("catalog key %q is missing in zh or en", k)
		}
	}
}
