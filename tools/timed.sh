#!/usr/bin/env bash
# Run a step of `make test` and append its name and wall time to _build/test-steps.tsv (make bench
# reads it). Usage: tools/timed.sh NAME COMMAND...; exits with the command's status.
set -uo pipefail
name=$1
shift
start=$EPOCHREALTIME
"$@"
status=$?
mkdir -p _build
awk -v n="$name" -v a="$start" -v b="$EPOCHREALTIME" -v s="$status" \
	'BEGIN { printf "%s\t%.1f\t%s\n", n, b - a, s }' >> _build/test-steps.tsv
exit $status
