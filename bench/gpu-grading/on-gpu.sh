#!/usr/bin/env bash
# Runs on a GPU machine that has no Java, no Maven and no registry (the lent H200): times the grader's run of the
# homework's reference solution on the Run command's demo datasets, and issue 16's throughput programs, all on Node
# + Dawn (npm webgpu) on the GPU's Vulkan driver, from the bundle bench/gpu-grading/bundle.sh made. Writes the frames,
# the decoded output and a summary under $RESULTS (or /tmp/gpu-grading-out).
# The grader's jail (bubblewrap) is not on that machine, so these runs are not jailed; the run itself is the grader's:
# the same compiled program, runner (run-program.mjs), dataset folder and run plan that NodeSandbox hands Node.
# Usage, from the repository root: bench/gpu-grading/on-gpu.sh [bundle-dir]   (QUICK=1: a smoke test, no training;
# ONLY=<program>: that program of the bundle alone)
set -uo pipefail
bundle=${1:-.gpu-bundle}
out=${RESULTS:-/tmp/gpu-grading-out}
quick=${QUICK:-0}
work=$(mktemp -d)
mkdir -p "$out" "$work/node_modules/webgpu/dist/linux-x64"
xz -dc "$bundle/node.xz" > "$work/node" && chmod +x "$work/node"
xz -dc "$bundle/dawn.node.xz" > "$work/node_modules/webgpu/dist/linux-x64/dawn.node"
cp "$bundle/webgpu/index.js" "$bundle/webgpu/package.json" "$work/node_modules/webgpu/"
xz -dc "$bundle/datasets.tar.xz" | tar x -C "$work"
for program in "$bundle"/programs/*.mjs.xz; do xz -dc "$program" > "$work/$(basename "$program" .xz)"; done
cp grader/src/main/resources/org/backprop/grader/sandbox/run-program.mjs "$work/"
summary="$out/summary.txt"
{ echo "# $(date -u +%FT%TZ), commit $(cat "$bundle/commit" 2>/dev/null)"; nvidia-smi -L 2>&1 || true; } > "$summary"

# Runs one program as NodeSandbox does (its runner, heap and environment), frames to $out/<tag>.frames; prints the
# wall time.
run() {
  local tag=$1 program=$2 plan=${3:-}
  local started ended
  started=$(date +%s.%N)
  env -i PATH=/usr/bin:/bin HOME="$work" BACKPROP_NODE_MODULES="$work/node_modules" \
      BACKPROP_DATASETS_DIR="$work/datasets" ${plan:+BACKPROP_RUN_PLAN="$plan"} \
      ${VK_ICD_FILENAMES:+VK_ICD_FILENAMES="$VK_ICD_FILENAMES"} \
      "$work/node" --max-old-space-size=3072 --disallow-code-generation-from-strings "$work/run-program.mjs" \
      "$work/$program.mjs" > "$out/$tag.frames" 2> "$out/$tag.stderr"
  local code=$?
  ended=$(date +%s.%N)
  "$work/node" bench/gpu-grading/frames.mjs "$out/$tag.frames" > "$out/$tag.txt"
  awk -v tag="$tag" -v code="$code" -v a="$started" -v b="$ended" 'BEGIN { printf "%s: exit %s, %.1f s\n", tag, code, b - a }' \
      | tee -a "$summary"
}

if [ -n "${ONLY:-}" ]; then
  # One program of the bundle alone, every fit trained (a program of one's own, added as programs/<name>.mjs.xz).
  run "$ONLY" "$ONLY"
  cat "$out/$ONLY.txt"
  exit 0
fi
if [ "$quick" = 1 ]; then
  run reference-smoke reference '{"train":[],"standIns":{}}'
  cat "$out/reference-smoke.txt"
  exit 0
fi
# Issue 16: the same program compiled against nn before (73a0406^) and after the issue's changes, alternating.
for round in $(seq "${ROUNDS:-2}"); do
  for commit in before after; do
    run "throughput-$commit-$round" "throughput-$commit"
    grep examples/s "$out/throughput-$commit-$round.txt" | sed "s/^/  $commit: /" | tee -a "$summary"
  done
done
# The team's whole study as their browsers run it (every fit trains), then the grader's re-run: every handed-in
# baseline (each dataset's final model) and two sampled variants, the other runs' recorded histories standing in.
run reference-all reference
grep '^\[record\]\|^\[model\]\|^\[exit\]' "$out/reference-all.txt" | sed 's/^/  /' | tee -a "$summary"
train="fashion_mnist/baseline,mnist/baseline,fashion_mnist/no-residual,mnist/no-batch-normalization"
run reference-grader reference "$("$work/node" bench/gpu-grading/frames.mjs "$out/reference-all.frames" --plan "$train")"
grep '^\[record\]\|^\[exit\]' "$out/reference-grader.txt" | sed 's/^/  /' | tee -a "$summary"
