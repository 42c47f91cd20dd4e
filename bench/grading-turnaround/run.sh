#!/usr/bin/env bash
# Grading turnaround of the homework's reference solution, stage by stage: runs the end-to-end grading test (the real
# server, PostgreSQL, queue, compile workers and sandbox on this machine's backend) and reads the stage times the
# grader writes at the end of each staff log. Run from the repository root after `mvn -B install -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl server verify -Dtest=HomeworkGradingEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false \
    > target-grading-turnaround.log 2>&1 || { tail -50 target-grading-turnaround.log; exit 1; }
for result in reference forged; do
  log="server/target/homework-grading/$result.log"
  echo "$result: $(grep '^stage times' "$log")"
  grep -E '^(COMPLETED|FAILED|TIMED_OUT).* in [0-9]+ ms' "$log" | sed 's/^/  sandbox: /' || true
  # grep -c prints 0 and exits 1 when nothing matches; a count of 0 is an answer, not a failure.
  echo "  fits trained: $(grep -c '^fit ".*": COMPLETED' "$log" || true)"
  echo "  fits built only: $(grep -c '^fit ".*": NOT_TRAINED' "$log" || true)"
done
rm -f target-grading-turnaround.log
