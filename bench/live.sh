#!/usr/bin/env bash
# The live path against a fake GitHub on loopback (WireMock) with 50 ms added to every answer: requests, 304s, cache
# hits and wall time (JVM start-up included), cold then warm.
# Usage: bench/live.sh [DELAY_MS]          (bench/live.sh 0 --serve keeps the fake GitHub up for 60 s to try commands)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.flywheelgates.bench.LiveBenchmark "${1:-50}" "${@:2}"
