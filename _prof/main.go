package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/db"
)

func main() {
	ctx := context.Background()
	d, err := db.Open(ctx, "postgres://postgres@127.0.0.1:5432/portal_load?sslmode=disable", db.Options{})
	if err != nil {
		panic(err)
	}
	s := arbitration.NewService(d, nil)
	a := auth.Actor{UserID: 7, Role: auth.Admin, OrgUnitID: 2, Name: "x"}
	f, _ := os.Create("/tmp/get.prof")
	pprof.StartCPUProfile(f)
	t := time.Now()
	n := 0
	for time.Since(t) < 5*time.Second {
		if os.Args[1] == "get" {
			if _, err := s.Get(ctx, a, int64(1+rand.IntN(100000))); err != nil {
				panic(err)
			}
		} else {
			if _, _, err := s.List(ctx, a, arbitration.Filter{State: "mediation"}); err != nil {
				panic(err)
			}
		}
		n++
	}
	pprof.StopCPUProfile()
	fmt.Println(n, time.Since(t)/time.Duration(n))
}
