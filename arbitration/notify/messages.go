package notify

import (
	"fmt"
	"strconv"
	"time"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
)

// text is a notification's words in both languages, written when the row
// is created: the inbox shows the reader's language, e-mails carry both.
type text struct {
	TitleZH, TitleEN, BodyZH, BodyEN string
}

// caseRef names a case in a title: its number, or its id before it has one.
func caseRef(n arbitration.Notice) string {
	if n.Number != "" {
		return n.Number
	}
	return "#" + strconv.FormatInt(n.CaseID, 10)
}

// noticeText is the text of a case notice for one kind.
func noticeText(kind Kind, n arbitration.Notice) text {
	ref, actor := caseRef(n), n.ActorName
	stateZH, stateEN := arbitration.StateLabel(n.To, "zh"), arbitration.StateLabel(n.To, "en")
	switch {
	case kind == Assignment:
		return text{
			TitleZH: fmt.Sprintf("案件 %s 已交由您办理", ref),
			TitleEN: fmt.Sprintf("Case %s has been assigned to you", ref),
			BodyZH:  fmt.Sprintf("%s将案件“%s”交由您办理，当前状态：%s。", actor, n.Title, stateZH),
			BodyEN:  fmt.Sprintf("%s assigned the case “%s” to you. It is now: %s.", actor, n.Title, stateEN),
		}
	case kind == AgreementWaiting:
		return text{
			TitleZH: fmt.Sprintf("案件 %s 的调解协议待确认", ref),
			TitleEN: fmt.Sprintf("Case %s: the mediation agreement awaits confirmation", ref),
			BodyZH:  fmt.Sprintf("%s已拟定案件“%s”的调解协议，请查看并确认；协议经各方当事人确认、调解员签署后生效。", actor, n.Title),
			BodyEN:  fmt.Sprintf("%s drafted the mediation agreement of the case “%s”. Please read and confirm it; it takes effect once every party confirmed and the mediator signed.", actor, n.Title),
		}
	case n.From == "":
		return text{
			TitleZH: fmt.Sprintf("新案件 %s 已提交", ref),
			TitleEN: fmt.Sprintf("New case %s filed", ref),
			BodyZH:  fmt.Sprintf("%s提交了案件“%s”，当前状态：%s。", actor, n.Title, stateZH),
			BodyEN:  fmt.Sprintf("%s filed the case “%s”. It is now: %s.", actor, n.Title, stateEN),
		}
	}
	actionZH, actionEN := arbitration.ActionLabel(n.Action, "zh"), arbitration.ActionLabel(n.Action, "en")
	return text{
		TitleZH: fmt.Sprintf("案件 %s：%s", ref, actionZH),
		TitleEN: fmt.Sprintf("Case %s: %s", ref, actionEN),
		BodyZH:  fmt.Sprintf("%s在案件“%s”中办理了“%s”，当前状态：%s。", actor, n.Title, actionZH, stateZH),
		BodyEN:  fmt.Sprintf("%s did “%s” on the case “%s”. It is now: %s.", actor, actionEN, n.Title, stateEN),
	}
}

// reminderText is the text of a deadline reminder. The due date is a
// civil date (midnight UTC of the day in China).
func reminderText(kind Kind, number, title, ruleID string, due time.Time) text {
	nameZH, nameEN := ruleID, ruleID
	if r, ok := clock.Lookup(ruleID); ok {
		nameZH, nameEN = r.Name("zh"), r.Name("en")
	}
	dueZH, dueEN := due.Format("2006年1月2日"), due.Format("2 Jan 2006")
	if kind == DeadlineMissed {
		return text{
			TitleZH: fmt.Sprintf("期限已过：案件 %s %s", number, nameZH),
			TitleEN: fmt.Sprintf("Deadline missed: case %s, %s", number, nameEN),
			BodyZH:  fmt.Sprintf("案件“%s”的%s已于%s届满，相应事项尚未办结，请尽快处理。", title, nameZH, dueZH),
			BodyEN:  fmt.Sprintf("The %s of the case “%s” ended on %s and the step is not done. Please act now.", lowerFirst(nameEN), title, dueEN),
		}
	}
	return text{
		TitleZH: fmt.Sprintf("期限将至：案件 %s %s", number, nameZH),
		TitleEN: fmt.Sprintf("Deadline due soon: case %s, %s", number, nameEN),
		BodyZH:  fmt.Sprintf("案件“%s”的%s将于%s届满，请及时办理。", title, nameZH, dueZH),
		BodyEN:  fmt.Sprintf("The %s of the case “%s” ends on %s. Please act in time.", lowerFirst(nameEN), title, dueEN),
	}
}

// lowerFirst lowers the first letter of an English rule name used
// mid-sentence ("the Labour dispute…" reads badly).
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
