package valid

import "testing"

func TestMasks(t *testing.T) {
	tests := []struct {
		name string
		mask func(string) string
		in   string
		want string
	}{
		{"id", MaskID, "360402199001010071", "3604**********0071"},
		{"id with X", MaskID, "11010519491231002X", "1101**********002X"},
		{"id 15 digits", MaskID, "110105491231002", "1101*******1002"},
		{"id too short", MaskID, "12345678", "********"},
		{"id empty", MaskID, "", ""},
		{"mobile", MaskMobile, "13812345678", "138****5678"},
		{"mobile too short", MaskMobile, "1381234", "*******"},
		{"email", MaskEmail, "zhang.san@example.com", "z***@example.com"},
		{"email one letter", MaskEmail, "z@example.com", "z***@example.com"},
		{"email chinese local part", MaskEmail, "张三@example.cn", "张***@example.cn"},
		{"email no local part", MaskEmail, "@example.com", "***@example.com"},
		{"email without @", MaskEmail, "zhangsan", "z***"},
		{"email empty", MaskEmail, "", ""},
		{"name two characters", MaskName, "张三", "张*"},
		{"name three characters", MaskName, "李小龙", "李**"},
		{"compound surname", MaskName, "欧阳娜娜", "欧阳**"},
		{"compound surname three", MaskName, "司马光明", "司马**"},
		{"compound surname only", MaskName, "欧阳", "欧*"},
		{"single character", MaskName, "张", "张"},
		{"transcribed name", MaskName, "阿依古丽·买买提", "阿***·***"},
		{"latin name", MaskName, "John Smith", "J*** *****"},
		{"name empty", MaskName, "", ""},
	}
	for _, tc := range tests {
		if got := tc.mask(tc.in); got != tc.want {
			t.Errorf("%s: mask(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
