#!/usr/bin/env bash
# Makes the bundle bench/gpu-grading/on-gpu.sh runs on a GPU machine without Java: .gpu-bundle/ in the repository root
# (ignored by git; carry it), holding Node, Dawn (npm webgpu's linux-x64 build), the demo's datasets, the compiled
# reference solution and issue 16's throughput program (bench/nn-generality/Throughput.java at 30 epochs) compiled
# against nn before and after, all xz-compressed to stay under the device tool's 64 MiB.
# Needs the demo running (bin/backprop-demo) and a worktree of the "before" commit (73a0406^, issue 16's start).
# Usage, from the repository root: bench/gpu-grading/bundle.sh <before-worktree>
set -euo pipefail
before=$(cd "$1" && pwd)
root=$(pwd)
bundle=$root/.gpu-bundle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$bundle" && mkdir -p "$bundle/programs" "$bundle/webgpu"

node bench/gpu-grading/prepare.mjs "$work"
sed -e 's/public final class Throughput/public final class GpuThroughput/' \
    -e 's/    private static final int STEPS = 64;/&\n    private static final int EPOCHS = 30;/' \
    -e 's/FitOptions.epochs(2)/FitOptions.epochs(EPOCHS)/' -e 's/2 \* x.dim(0) \/ seconds/EPOCHS * x.dim(0) \/ seconds/' \
    bench/nn-generality/Throughput.java > "$work/GpuThroughput.java"
for side in before after; do
  tree=$root
  [ "$side" = before ] && tree=$before
  (cd "$tree" && mvn -B -o -q -pl grader -am package -DskipTests dependency:build-classpath \
      -Dmdep.outputFile="$work/cp-$side.txt" >/dev/null)
  cp="$tree/grader/target/classes:$tree/web/target/classes:$tree/nn/target/classes:$(cat "$work/cp-$side.txt")"
  mkdir -p "$work/classes-$side"
  javac -cp "$cp" -d "$work/classes-$side" bench/gpu-grading/CompileToJs.java
  java -cp "$cp:$work/classes-$side" CompileToJs GpuThroughput "$work/GpuThroughput.java" \
      "$work/programs/throughput-$side.mjs"
done
for program in "$work"/programs/*.mjs; do xz -T2 -6 -c "$program" > "$bundle/programs/$(basename "$program").xz"; done
tar cf - -C "$work" datasets | xz -T2 -6 > "$bundle/datasets.tar.xz"
xz -T2 -6 -c "$(readlink -f "$(command -v node)")" > "$bundle/node.xz"
xz -T2 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node > "$bundle/dawn.node.xz"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$bundle/webgpu/"
git rev-parse --short HEAD > "$bundle/commit"
du -sh "$bundle"
