#!/usr/bin/env bash
# Issue 16's benchmark: the homework network and a Transformer encoder, examples per second on nn's CPU backend (the
# JVM) and its WebGPU backend (compiled by the grader's compile workers, run in the sandbox on Node + Dawn), at the
# checked-out commit. Run it in two worktrees (before and after a change) and set the figures side by side.
# Usage, from the repository root: bench/nn-generality/run.sh [cpu|webgpu|both]
# Builds with `-am` into target/ only: it never installs, so the two worktrees cannot overwrite each other's jars.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
what=${1:-both}
icd=${VK_ICD:-/usr/lib/chromium/vk_swiftshader_icd.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -B -o -q -pl grader -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null)
# In a reactor build each module's classpath file lists its own; the grader's is the last written.
cp="$root/grader/target/classes:$root/web/target/classes:$root/nn/target/classes:$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work" "$here/Throughput.java" "$here/SandboxThroughput.java"
if [ "$what" != webgpu ]; then
  echo "CPU backend (JVM):"
  java -cp "$cp:$work" Throughput
fi
if [ "$what" != cpu ]; then
  echo "WebGPU backend (Node + Dawn, $(basename "$icd")):"
  java -cp "$cp:$work" SandboxThroughput "$here/Throughput.java" "$root/node_modules" "$icd"
fi
