package notify_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/internal/auth"
)

// smtpSink is a real SMTP server in its own process: Python's smtpd
// DebuggingServer, which prints every message it receives.
type smtpSink struct {
	Addr string
	out  syncBuffer
}

// startSMTPSink starts the server on a free port and waits until it
// accepts connections. A machine without python3 (3.11 or older, which
// still has smtpd) fails the test: e-mail delivery must be tested.
func startSMTPSink(t *testing.T) *smtpSink {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is required: this test delivers e-mail to a real SMTP server process (python3 -m smtpd, Python ≤ 3.11)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &smtpSink{Addr: addr}
	cmd := exec.Command(py, "-u", "-W", "ignore::DeprecationWarning", "-m", "smtpd", "-n", "-c", "DebuggingServer", addr)
	var stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &s.out, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the SMTP server: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		select {
		case <-exited:
			t.Fatalf("the SMTP server (python3 -m smtpd) exited: %s", stderr.String())
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("the SMTP server did not start listening on %s: %s", addr, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// messages parses what the server printed: between the MESSAGE FOLLOWS
// and END MESSAGE lines, one Python bytes literal per line.
func (s *smtpSink) messages(t *testing.T) []*mail.Message {
	t.Helper()
	var out []*mail.Message
	var cur *bytes.Buffer
	for _, line := range strings.Split(s.out.String(), "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.HasPrefix(line, "---------- MESSAGE FOLLOWS"):
			cur = &bytes.Buffer{}
		case strings.HasPrefix(line, "------------ END MESSAGE"):
			if cur != nil {
				m, err := mail.ReadMessage(cur)
				if err != nil {
					t.Fatalf("unreadable message: %v", err)
				}
				out = append(out, m)
			}
			cur = nil
		case cur != nil && len(line) >= 3 && line[0] == 'b' && (line[1] == '\'' || line[1] == '"'):
			inner := strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(line[2 : len(line)-1])
			cur.WriteString(inner + "\r\n")
		}
	}
	return out
}

// waitFor waits until the server printed n messages.
func (s *smtpSink) waitFor(t *testing.T, n int) []*mail.Message {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Count(s.out.String(), "END MESSAGE") >= n {
			break
		}
	}
	return s.messages(t)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func decodeSubject(t *testing.T, m *mail.Message) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decodeBody(t *testing.T, m *mail.Message) string {
	t.Helper()
	data, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Committed notifications reach the recipients' mailboxes through a real
// SMTP server: the assignment to the mediator, the status change to the
// enterprise, and a deadline reminder; users without an address get none.
func TestEmailDelivery(t *testing.T) {
	sink := startSMTPSink(t)
	f := newFixture(t)
	f.notify.Mail = &notify.Mailer{Addr: sink.Addr, From: "园区平台 <noreply@portal.example>", BaseURL: "https://portal.example/"}
	c := f.toMediation()
	f.notify.Wait()
	msgs := sink.waitFor(t, 3)
	// filing → intake officer; classification → mediator and enterprise HR
	if len(msgs) != 3 {
		t.Fatalf("the server received %d messages, want 3:\n%s", len(msgs), sink.out.String())
	}
	byTo := map[string]*mail.Message{}
	for _, m := range msgs {
		byTo[m.Header.Get("To")] = m
	}
	m := byTo["<mediator@demo.example>"]
	if m == nil {
		t.Fatalf("no message to the mediator; recipients: %v", keys(byTo))
	}
	if got, want := decodeSubject(t, m), "案件 "+c.Number+" 已交由您办理"; got != want {
		t.Fatalf("subject %q, want %q", got, want)
	}
	body := decodeBody(t, m)
	for _, want := range []string{"交由您办理", "has been assigned to you", "https://portal.example/cases/" + strconv.FormatInt(c.ID, 10)} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if from, _ := mail.ParseAddress(m.Header.Get("From")); from == nil || from.Address != "noreply@portal.example" || from.Name != "园区平台" {
		t.Errorf("From: %q", m.Header.Get("From"))
	}
	if byTo["<hr@demo.example>"] == nil || byTo["<intake@demo.example>"] == nil {
		t.Fatalf("recipients: %v", keys(byTo))
	}

	// A reminder is e-mailed too, once, by the instance that raised it.
	f.now = time.Date(2026, 9, 26, 1, 0, 0, 0, time.UTC)
	job := f.notify.Reminders()
	for i := 0; i < 2; i++ {
		if _, err := job.Tick(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	f.notify.Wait()
	msgs = sink.waitFor(t, 4)
	if len(msgs) != 4 || msgs[3].Header.Get("To") != "<mediator@demo.example>" || !strings.HasPrefix(decodeSubject(t, msgs[3]), "期限将至") {
		t.Fatalf("after the reminder the server has %d messages:\n%s", len(msgs), sink.out.String())
	}

	// An account without an e-mail address gets the inbox entry only.
	if _, err := f.db.NewUpdate().Table("users").Set("email = NULL").Where("id = ?", f.actor(auth.EnterpriseStaff).UserID).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.move(f.actor(auth.Mediator), c, arbitration.ActionRecordSession, arbitration.MoveInput{HeldOn: "2026-09-25", Attendees: "王芳", Summary: "协商"})
	f.notify.Wait()
	time.Sleep(200 * time.Millisecond)
	if msgs := sink.messages(t); len(msgs) != 4 {
		t.Fatalf("a user without an address was e-mailed: %d messages", len(msgs))
	}
	if got := f.inbox(f.actor(auth.EnterpriseStaff).UserID); len(got) != 2 {
		t.Fatalf("enterprise inbox: %d entries, want 2", len(got))
	}
}

// When the SMTP server is unreachable the inbox entries stay, the case
// change stands, and the log says so without any address.
func TestEmailFailureUndoesNothing(t *testing.T) {
	f := newFixture(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := l.Addr().String()
	l.Close()
	var log syncBuffer
	f.notify.Log = slog.New(slog.NewTextHandler(&log, nil))
	f.notify.Mail = &notify.Mailer{Addr: dead, From: "noreply@portal.example", Timeout: 2 * time.Second}
	c := f.toMediation()
	f.notify.Wait()
	if c.State != arbitration.StateMediation {
		t.Fatalf("case state %s", c.State)
	}
	if got := f.inbox(f.actor(auth.Mediator).UserID); len(got) != 1 {
		t.Fatalf("mediator inbox: %d entries", len(got))
	}
	text := log.String()
	if !strings.Contains(text, "e-mail not sent") {
		t.Fatalf("the failure was not logged:\n%s", text)
	}
	if strings.Contains(text, "@") || strings.Contains(text, "demo.example") {
		t.Fatalf("the log holds an address:\n%s", text)
	}
}

// Mailer.Check refuses settings that cannot work.
func TestMailerCheck(t *testing.T) {
	tests := []struct {
		addr, from string
		ok         bool
	}{
		{"smtp.example.com:587", "noreply@example.com", true},
		{"127.0.0.1:25", "园区平台 <noreply@example.com>", true},
		{"smtp.example.com", "noreply@example.com", false},
		{"smtp.example.com:25", "", false},
		{"smtp.example.com:25", "not an address", false},
	}
	for _, tt := range tests {
		err := (&notify.Mailer{Addr: tt.addr, From: tt.from}).Check()
		if (err == nil) != tt.ok {
			t.Errorf("Check(%q, %q) = %v, want ok=%v", tt.addr, tt.from, err, tt.ok)
		}
	}
}

func keys(m map[string]*mail.Message) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
