#!/usr/bin/env bash
# Engine evaluation time and heap over synthetic rollouts of 10k, 100k and 1M runs (3 jobs per run).
# One core (-XX:ActiveProcessorCount=1, and taskset when present); the heap is capped at 512 MiB for 100k and below.
# Usage: bench/evaluation.sh [RUNS...]    (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
for runs in "${sizes[@]}"; do
  heap=512m
  [ "$runs" -gt 100000 ] && heap=4g
  "${pin[@]}" java -Xmx"$heap" -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -cp "$classpath" \
    io.flywheelgates.bench.EvaluationBenchmark "$runs"
done
