#!/usr/bin/env bash
# Jobs per hour with 1, 2 and 3 standalone grading workers (separate processes) against one server with an
# embedded PostgreSQL, on the small fixed job (hello world, one report check). Prints a Markdown table; see
# docs/benchmarks.md. A benchmark, not a test: WorkerThroughputBenchmark is outside the suite's name pattern.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -pl server -am test -Dtest=WorkerThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E '^\| ' 
