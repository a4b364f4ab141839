#!/usr/bin/env bash
# Start-up, as ratios to a trivial Java hello-world measured in the same run: `--version` and an offline
# `check --all --snapshot` of the example, through the launcher (lean JVM flags, class-data-sharing archive made on the
# first run). Median of N runs each (default 15).
# Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >&2
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"

# First run records the archive in the background; wait for it.
bin/flywheel-gates --version >/dev/null
for _ in $(seq 1 60); do
  ls "${XDG_CACHE_HOME:-$HOME/.cache}"/flywheel-gates/cds/*.jsa >/dev/null 2>&1 && ! ls -d "${XDG_CACHE_HOME:-$HOME/.cache}"/flywheel-gates/cds/*.lock >/dev/null 2>&1 && break
  sleep 0.5
done

median_ms() {
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

hello=$(median_ms java -cp "$work" Hello)
version=$(median_ms bin/flywheel-gates --version)
check=$(median_ms bin/flywheel-gates check --all --snapshot examples/rollout-2026-04-17-evening.json)
plain=$(median_ms java -jar target/flywheel-gates.jar check --all --snapshot examples/rollout-2026-04-17-evening.json)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo "hello-world                                   ${hello} ms"
echo "flywheel-gates --version                      ${version} ms  ($(ratio "$version" "$hello") x hello-world; target 3 x)"
echo "flywheel-gates check --all --snapshot example ${check} ms  ($(ratio "$check" "$hello") x hello-world; target 6 x)"
echo "  the same check, plain java -jar (no archive, default JIT and GC): ${plain} ms ($(ratio "$plain" "$hello") x)"
