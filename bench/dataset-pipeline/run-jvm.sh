#!/usr/bin/env bash
# The dataset pipeline against the homework network's training, on the JVM: Main.java with the starter's model/
# folder, Fashion-MNIST from Debian's dataset-fashion-mnist in the sandbox layout. Prints one JSON line a figure.
# Usage, from the repository root after `mvn -B -o -q install -DskipTests -pl nn`: bench/dataset-pipeline/run-jvm.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
nn=$(ls "$root"/nn/target/backprop-nn-*.jar | grep -v sources | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/model"
cp "$here/Main.java" "$here/JvmRunner.java" "$here/FashionMnistFolder.java" "$work/src/"
cp "$root"/assignments/hw-convnets/model/*.java "$work/src/model/"
javac -cp "$nn" -d "$work/classes" "$work"/src/*.java "$work"/src/model/*.java
java -cp "$nn:$work/classes" FashionMnistFolder "$work/data"
java -cp "$nn:$work/classes" JvmRunner "$work/data"
