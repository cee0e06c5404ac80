#!/bin/sh
# Status: FIXED in 7e16e91: the stop request is polled inside the replication (every 4,096 events and every day end): exit 130 within milliseconds.
# Finding: SIGTERM (or Ctrl-C) during `run` is honoured only when the running replication task
# ends: the stop flag (Sources/bigclient/CommandLine/Interruption.swift) is polled between
# tasks, never inside CompanyReplication.run. Here the stop takes ≈ 40 s; for the fuzzer's
# case 3492 (10,000 technicians, 100 years, 3,000 orders a week) it took 13 minutes, far past
# any scheduler's grace period (Kubernetes 30 s, Slurm KillWait 30 s), so the "clean stop"
# never happens there: the job is killed and the replication's work is lost anyway.
# Usage: sh fuzz/findings/sigterm-waits-for-replication.sh [BINARY]
B=${1:-.build/release/bigclient}
d=$(mktemp -d)
start=$(date +%s)
"$B" run "$(dirname "$0")/huge-technicians-horizon.json5" --replications 2 --jobs 1 --quiet --out "$d/out" &
pid=$!
sleep 3
kill -TERM $pid
wait $pid
echo "exit $? after $(( $(date +%s) - start )) s (SIGTERM sent at 3 s)"   # exit 130 after ≈ 3 s (≈ 40 s before 7e16e91)
rm -rf "$d"
