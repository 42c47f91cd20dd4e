#!/usr/bin/env bash
# The dataset pipeline against the homework network's training, in the grader's sandbox: Main.java with the starter's
# model/ folder compiled by the grader's compile workers and run jailed on Node + Dawn (SwiftShader's Vulkan here,
# the GPU's on a GPU machine), Fashion-MNIST from Debian's dataset-fashion-mnist mounted as the grader mounts it.
# Prints one JSON line a figure. Usage, from the repository root after
# `mvn -B -o -q install -DskipTests -pl nn,web,grader`: bench/dataset-pipeline/run-sandbox.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
icd=${VK_ICD:-/usr/lib/chromium/vk_swiftshader_icd.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -B -o -q -pl grader dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/grader/target/classes:$(cat "$work/cp.txt")"
mkdir -p "$work/src/model" "$work/classes"
cp "$here/Main.java" "$work/src/"
cp "$root"/assignments/hw-convnets/model/*.java "$work/src/model/"
javac -cp "$cp" -d "$work/classes" "$here/SandboxRunner.java" "$here/FashionMnistFolder.java"
java -cp "$cp:$work/classes" FashionMnistFolder "$work/data"
chmod -R a+rX "$work"
java -cp "$cp:$work/classes" SandboxRunner "$work/src" "$work/data" "$root/node_modules" "$icd"
