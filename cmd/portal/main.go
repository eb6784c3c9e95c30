// Command portal runs the park dispute-resolution and legal-checkup portal.
//
//	portal [serve] [--demo]   serve HTTP (default), migrating first
//	portal migrate            apply pending database migrations
//	portal org add ...        add an organisation unit (county centre, workstation)
//	portal user add ...       create an account from the command line
//
// Settings come from flags or PORTAL_* environment variables; see README.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/calc"
	"parkportal/arbitration/notify"
	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/db"
	"parkportal/internal/upload"
	"parkportal/lecture"
	"parkportal/migrations"
	"parkportal/portal"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// config is every setting; each has a flag and an environment variable.
type config struct {
	Addr        string
	DatabaseURL string
	Demo        bool
	LogLevel    string
	SessionTTL  time.Duration
	MaxUploadMB int
	UploadDir   string
	CourtName   string
	TrustProxy  bool
	// E-mail copies of notifications (off when SMTPAddr is empty).
	SMTPAddr, SMTPFrom, SMTPUser, SMTPPassword string
	PublicURL                                  string
	// ReminderEvery is the time between deadline-reminder ticks.
	ReminderEvery time.Duration
	// Locality is the claim calculator's default wage locality (an id of
	// arbitration/calc/wages.yaml); empty: the file's default.
	Locality string
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envBool(name string) bool {
	v := strings.ToLower(os.Getenv(name))
	return v == "1" || v == "true" || v == "yes"
}

func parseConfig(fs *flag.FlagSet, args []string) (config, error) {
	var c config
	ttl, err := time.ParseDuration(env("PORTAL_SESSION_TTL", "12h"))
	if err != nil {
		return c, fmt.Errorf("PORTAL_SESSION_TTL: %w", err)
	}
	every, err := time.ParseDuration(env("PORTAL_REMINDER_INTERVAL", "10m"))
	if err != nil {
		return c, fmt.Errorf("PORTAL_REMINDER_INTERVAL: %w", err)
	}
	var maxMB int
	fmt.Sscan(env("PORTAL_MAX_UPLOAD_MB", "20"), &maxMB)
	fs.StringVar(&c.Addr, "addr", env("PORTAL_ADDR", "127.0.0.1:8080"), "listen address (PORTAL_ADDR)")
	fs.StringVar(&c.DatabaseURL, "db", env("PORTAL_DATABASE_URL", db.DefaultURL), "database URL: file:path for SQLite or postgres://... (PORTAL_DATABASE_URL)")
	fs.BoolVar(&c.Demo, "demo", envBool("PORTAL_DEMO"), "seed a demo park on first start (PORTAL_DEMO)")
	fs.StringVar(&c.LogLevel, "log-level", env("PORTAL_LOG_LEVEL", "info"), "debug, info, warn or error (PORTAL_LOG_LEVEL)")
	fs.DurationVar(&c.SessionTTL, "session-ttl", ttl, "how long a sign-in lasts (PORTAL_SESSION_TTL)")
	fs.IntVar(&c.MaxUploadMB, "max-upload-mb", maxMB, "largest upload in MiB (PORTAL_MAX_UPLOAD_MB)")
	fs.StringVar(&c.UploadDir, "upload-dir", env("PORTAL_UPLOAD_DIR", "./data/uploads"), "where evidence files are stored (PORTAL_UPLOAD_DIR)")
	fs.StringVar(&c.CourtName, "court", env("PORTAL_COURT_NAME", ""), "the court the resident judges sit for, as printed on rulings (PORTAL_COURT_NAME)")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", envBool("PORTAL_TRUST_PROXY"), "trust X-Forwarded-* headers from a reverse proxy (PORTAL_TRUST_PROXY)")
	fs.StringVar(&c.SMTPAddr, "smtp-addr", env("PORTAL_SMTP_ADDR", ""), "SMTP server host:port for e-mail notifications; empty: no e-mail (PORTAL_SMTP_ADDR)")
	fs.StringVar(&c.SMTPFrom, "smtp-from", env("PORTAL_SMTP_FROM", ""), "sender of notification e-mails (PORTAL_SMTP_FROM)")
	fs.StringVar(&c.SMTPUser, "smtp-user", env("PORTAL_SMTP_USER", ""), "SMTP user name, if the server needs one (PORTAL_SMTP_USER)")
	c.SMTPPassword = os.Getenv("PORTAL_SMTP_PASSWORD") // environment only: flags show in the process list
	fs.StringVar(&c.PublicURL, "public-url", env("PORTAL_PUBLIC_URL", ""), "the portal's address as users reach it, for links in e-mails (PORTAL_PUBLIC_URL)")
	fs.DurationVar(&c.ReminderEvery, "reminder-interval", every, "time between deadline-reminder runs (PORTAL_REMINDER_INTERVAL)")
	fs.StringVar(&c.Locality, "locality", env("PORTAL_LOCALITY", ""), "wage locality of the claim calculator and the final-award limit, an id in arbitration/calc/wages.yaml; empty: its default (PORTAL_LOCALITY)")
	err = fs.Parse(args)
	if err == nil && c.ReminderEvery < time.Second {
		err = fmt.Errorf("reminder interval %s: must be at least 1s", c.ReminderEvery)
	}
	return c, err
}

func main() {
	args := os.Args[1:]
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(args)
	case "migrate":
		err = migrateCmd(args)
	case "org", "user":
		if len(args) == 0 || args[0] != "add" {
			err = fmt.Errorf("usage: portal %s add [flags]", cmd)
			break
		}
		if cmd == "org" {
			err = orgAdd(args[1:])
		} else {
			err = userAdd(args[1:])
		}
	default:
		err = fmt.Errorf("unknown command %q (serve, migrate, org add, user add)", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

func newLogger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

// migrationTimeout bounds one migration statement: filling a new column
// of every deadline row takes most of a minute at a million cases.
const migrationTimeout = 30 * time.Minute

// open migrates (over a connection that waits as long as a migration
// statement needs), then connects for serving.
func open(ctx context.Context, c config, log *slog.Logger) (*bun.DB, error) {
	m, err := db.Open(ctx, c.DatabaseURL, db.Options{ReadTimeout: migrationTimeout})
	if err != nil {
		return nil, err
	}
	applied, err := migrations.Migrate(ctx, m)
	m.Close()
	if err != nil {
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrated", "applied", applied)
	}
	return db.Open(ctx, c.DatabaseURL, db.Options{})
}

func serve(args []string) error {
	c, err := parseConfig(flag.NewFlagSet("serve", flag.ExitOnError), args)
	if err != nil {
		return err
	}
	log := newLogger(c.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, err := open(ctx, c, log)
	if err != nil {
		return err
	}
	defer d.Close()
	accounts := account.NewService(d)
	accounts.SessionTTL = c.SessionTTL
	if c.Demo {
		seeded, err := accounts.SeedDemo(ctx)
		if err != nil {
			return err
		}
		if seeded {
			log.Info("demo park seeded", "password", account.DemoPassword)
		}
	}
	uploads := &upload.Store{Dir: c.UploadDir, MaxBytes: int64(c.MaxUploadMB) << 20}
	cases := arbitration.NewService(d, uploads)
	if c.CourtName != "" {
		cases.CourtZH = c.CourtName
	}
	// The local wage figures: the calculator's default locality, and the
	// monthly minimum wage that decides final awards (LDMAL art. 47).
	if err := calc.SetDefaultLocality(c.Locality); err != nil {
		return fmt.Errorf("PORTAL_LOCALITY: %w", err)
	}
	cases.MonthlyMinimumWage = calc.MonthlyMinimumWage(calc.DefaultLocality())
	if c.Demo {
		if err := cases.SeedDemo(ctx); err != nil {
			return err
		}
	}
	questionnaires, err := checkup.LoadBuiltin() // a malformed questionnaire file stops the start
	if err != nil {
		return fmt.Errorf("checkup questionnaires: %w", err)
	}
	checkups := checkup.NewService(d, questionnaires, uploads)
	if c.Demo {
		if _, err := checkups.SeedDemo(ctx); err != nil {
			return err
		}
	}
	notifier, err := newNotifier(d, c, log)
	if err != nil {
		return err
	}
	cases.OnNotice, cases.OnNoticeInTx = notifier.FromNotice, notifier.InTx
	reminders := notifier.Reminders()
	reminders.Every, reminders.DueSoonDays = c.ReminderEvery, cases.DueSoonDays
	jobs, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() { reminders.Run(jobs); close(jobsDone) }()
	defer func() { // on the way out: stop the job, let e-mails in flight finish
		stopJobs()
		<-jobsDone
		notifier.Wait()
	}()
	demo, err := d.NewSelect().Table("org_units").Where("demo").Exists(ctx)
	if err != nil {
		return err
	}
	srv, err := portal.New(portal.Config{
		MaxBodyBytes: (c.MaxUploadMB + 1) << 20,
		Demo:         demo,
		TrustProxy:   c.TrustProxy,
		Version:      version,
	}, portal.Services{DB: d, Accounts: accounts, Cases: cases, Notify: notifier, Checkups: checkups, Lectures: lecture.NewService(d)}, log)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.App().Listen(c.Addr) }()
	log.Info("listening", "addr", "http://"+c.Addr, "database", dialectName(c.DatabaseURL), "demo", demo)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	if err := srv.App().ShutdownWithTimeout(10 * time.Second); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// newNotifier builds the notifications service, with e-mail when an SMTP
// server is configured.
func newNotifier(d *bun.DB, c config, log *slog.Logger) (*notify.Service, error) {
	n := notify.NewService(d)
	n.Log = log
	if c.SMTPAddr == "" {
		return n, nil
	}
	n.Mail = &notify.Mailer{Addr: c.SMTPAddr, From: c.SMTPFrom, User: c.SMTPUser, Password: c.SMTPPassword, BaseURL: c.PublicURL}
	if err := n.Mail.Check(); err != nil {
		return nil, err
	}
	log.Info("e-mail notifications on", "smtp", c.SMTPAddr)
	return n, nil
}

func dialectName(url string) string {
	if db.IsPostgres(url) {
		return "postgresql"
	}
	return "sqlite"
}

func migrateCmd(args []string) error {
	c, err := parseConfig(flag.NewFlagSet("migrate", flag.ExitOnError), args)
	if err != nil {
		return err
	}
	d, err := open(context.Background(), c, newLogger(c.LogLevel))
	if err != nil {
		return err
	}
	return d.Close()
}
