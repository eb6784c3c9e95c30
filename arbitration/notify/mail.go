package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"

	"github.com/uptrace/bun"
)

// Mailer sends e-mail copies of notifications through an SMTP server
// (net/smtp). STARTTLS is used when the server offers it; a user name
// switches on PLAIN authentication, which net/smtp refuses over an
// unencrypted connection to anything but localhost.
type Mailer struct {
	Addr     string // host:port of the SMTP server
	From     string // sender, "name <address>" or a bare address
	User     string // optional: authenticate with PLAIN
	Password string
	// BaseURL (optional) turns a notification's link into an absolute
	// address in the e-mail, e.g. https://portal.example.
	BaseURL string
	// Timeout bounds one delivery, dial to QUIT; 30 s when zero.
	Timeout time.Duration
}

// Message is one e-mail: one recipient, a subject and a plain-text body.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Check reports a configuration that cannot work, at start-up.
func (m *Mailer) Check() error {
	if _, _, err := net.SplitHostPort(m.Addr); err != nil {
		return fmt.Errorf("notify: SMTP address %q: want host:port", m.Addr)
	}
	if _, err := mail.ParseAddress(m.From); err != nil {
		return errors.New("notify: SMTP sender: not an e-mail address")
	}
	return nil
}

// Send delivers one message. Errors may quote the server's reply, which
// can contain the address: log them with logAttrs, never as they are.
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return errors.New("notify: bad sender address")
	}
	to, err := mail.ParseAddress(msg.To)
	if err != nil {
		return errors.New("notify: bad recipient address")
	}
	timeout := m.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return err
	}
	conn.SetDeadline(time.Now().Add(timeout))
	host, _, _ := net.SplitHostPort(m.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return err
		}
	}
	if m.User != "" {
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return err
	}
	if err := c.Rcpt(to.Address); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(compose(from, to, msg, time.Now())); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// compose writes the message in RFC 5322 form: UTF-8 text in base64, the
// subject as an RFC 2047 encoded word (which also keeps line breaks out of
// the header).
func compose(from, to *mail.Address, msg Message, now time.Time) []byte {
	var b bytes.Buffer
	id := make([]byte, 12)
	rand.Read(id)
	domain := "portal.invalid"
	if i := strings.LastIndexByte(from.Address, '@'); i >= 0 {
		domain = from.Address[i+1:]
	}
	fmt.Fprintf(&b, "From: %s\r\n", from.String())
	fmt.Fprintf(&b, "To: %s\r\n", to.String())
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.BEncoding.Encode("UTF-8", msg.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", now.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@%s>\r\n", hex.EncodeToString(id), domain)
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(strings.ReplaceAll(msg.Body, "\n", "\r\n")))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}

// mailOf is the e-mail of a notification: Chinese first, then English,
// because users choose their language per browser, not per account.
func (m *Mailer) mailOf(n Notification, to string) Message {
	link := n.Link
	if link != "" && m.BaseURL != "" {
		link = strings.TrimRight(m.BaseURL, "/") + link
	}
	body := n.TitleZH + "\n\n" + n.BodyZH + "\n"
	if link != "" {
		body += "\n查看 / View: " + link + "\n"
	}
	body += "\n----\n" + n.TitleEN + "\n\n" + n.BodyEN + "\n\n" +
		"本邮件由园区纠纷调处与法治体检平台自动发送，请勿回复。\nSent automatically by the park dispute-resolution portal; please do not reply.\n"
	return Message{To: to, Subject: n.TitleZH, Body: body}
}

// email sends an e-mail copy of each committed notification to its user,
// if SMTP is configured and the user has an address. Delivery runs in the
// background (Wait waits for it); a failure is logged without the address
// and undoes nothing.
func (s *Service) email(ctx context.Context, rows []Notification) {
	if s.Mail == nil || len(rows) == 0 {
		return
	}
	addrs, err := emailsOf(ctx, s.DB, rows)
	if err != nil {
		s.logger().ErrorContext(ctx, "notify: read e-mail addresses", "err", err)
		return
	}
	for i := range rows {
		to := addrs[rows[i].UserID]
		if to == "" {
			continue
		}
		msg, kind, id := s.Mail.mailOf(rows[i], to), rows[i].Kind, rows[i].ID
		s.mailing.Add(1)
		go func() {
			defer s.mailing.Done()
			ctx, cancel := background(ctx, time.Minute)
			defer cancel()
			if err := s.Mail.Send(ctx, msg); err != nil {
				s.logger().WarnContext(ctx, "notify: e-mail not sent", append([]any{"kind", string(kind), "notification_id", id}, mailErrAttrs(err)...)...)
			}
		}()
	}
}

// mailErrAttrs describes a delivery failure for the log without personal
// data: an SMTP reply is reduced to its code (its text may quote the
// address); other errors (network, TLS) name only the server.
func mailErrAttrs(err error) []any {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return []any{"smtp_code", tp.Code}
	}
	if strings.Contains(err.Error(), "@") {
		return []any{"err", "redacted"}
	}
	return []any{"err", err.Error()}
}

// emailsOf maps each notification's user to their address, for active
// users who have one.
func emailsOf(ctx context.Context, db bun.IDB, rows []Notification) (map[int64]string, error) {
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserID)
	}
	var users []struct {
		ID    int64  `bun:"id"`
		Email string `bun:"email"`
	}
	err := db.NewSelect().Table("users").Column("id", "email").
		Where("id IN (?) AND active AND email IS NOT NULL AND email <> ''", bun.In(ids)).Scan(ctx, &users)
	out := map[int64]string{}
	for _, u := range users {
		out[u.ID] = u.Email
	}
	return out, err
}
