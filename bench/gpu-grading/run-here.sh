#!/usr/bin/env bash
# Runs the reference that prepare.mjs compiled, every fit trained, as a team member's browser would and as the
# grader's runner does (run-program.mjs, NodeSandbox's heap and environment), on this machine: its GPU, or SwiftShader
# (Chromium's Vulkan driver) where it has none. Writes the frames that demo-grading.mjs hands to the demo.
# Usage, from the repository root: bench/gpu-grading/run-here.sh <prepared-dir> <out.frames>
set -euo pipefail
prepared=$1
frames=$2
# Without a GPU, Dawn needs SwiftShader named, as NodeSandbox names it (backprop.grading.sandbox.vulkan-icd).
icd=${VK_ICD_FILENAMES:-}
if [ -z "$icd" ] && [ ! -e /dev/nvidia0 ]; then
  icd=/usr/lib/chromium/vk_swiftshader_icd.json
fi
started=$(date +%s)
env -i PATH=/usr/bin:/bin HOME="$prepared" BACKPROP_NODE_MODULES="$PWD/node_modules" \
    BACKPROP_DATASETS_DIR="$prepared/datasets" ${icd:+VK_ICD_FILENAMES="$icd"} \
    node --max-old-space-size=3072 --disallow-code-generation-from-strings \
    grader/src/main/resources/org/backprop/grader/sandbox/run-program.mjs "$prepared/programs/reference.mjs" > "$frames"
node bench/gpu-grading/frames.mjs "$frames" | grep '^\[record\]\|^\[model\]\|^\[exit\]'
echo "whole run: $(( $(date +%s) - started )) s"
