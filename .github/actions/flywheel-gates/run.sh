#!/usr/bin/env bash
# The action's step: run check with annotations, keep the JSON verdict, publish the verdict as a step output, and fail
# when any PR's verdict is one the caller chose (FG_FAIL_ON). In GitHub Actions, check itself appends the Markdown
# summary to $GITHUB_STEP_SUMMARY.
# FG_COMMAND overrides how flywheel-gates is run (tests run it from the build's classes).
set -uo pipefail

home="${FG_HOME:-$(cd "$(dirname "$0")/../../.." && pwd)}"
read -r -a command <<< "${FG_COMMAND:-$home/bin/flywheel-gates}"
verdict_file="$(mktemp "${RUNNER_TEMP:-/tmp}/flywheel-gates-verdict.XXXXXX")"

args=(check --format github --verdict-file "$verdict_file")
if [ -n "${FG_PRS:-}" ]; then
  read -r -a prs <<< "$FG_PRS"
  args+=("${prs[@]}")
else
  args+=(--all)
fi
[ -n "${FG_SNAPSHOT:-}" ] && args+=(--snapshot "$FG_SNAPSHOT")
[ -n "${FG_GATES:-}" ] && args+=(--gates "$FG_GATES")

"${command[@]}" "${args[@]}"
code=$?
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ] && [ "$code" -ne 3 ] && [ "$code" -ne 4 ]; then
  echo "::error title=flywheel-gates::flywheel-gates could not run (exit $code); see the log above"
  exit "$code"
fi

# Our JSON is pretty-printed one field a line: every PR's verdict and the rollout's.
verdicts="$(grep -o '"verdict" : "[A-Z_]*"' "$verdict_file" | sed 's/.*: "\(.*\)"/\1/' | sort -u)"
overall="$(grep -m1 -o '"verdict" : "[A-Z_]*"' "$verdict_file" | sed 's/.*: "\(.*\)"/\1/')"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "verdict=$overall" >> "$GITHUB_OUTPUT"
fi
rm -f "$verdict_file"

IFS=',' read -r -a fail_on <<< "${FG_FAIL_ON:-NO_GO,BLOCKED,STOP,INCONCLUSIVE}"
for verdict in $verdicts; do
  for failing in "${fail_on[@]}"; do
    if [ "$verdict" = "$(echo "$failing" | tr -d ' ')" ]; then
      echo "flywheel-gates: a PR is $verdict, which fails this job (fail-on: ${FG_FAIL_ON:-NO_GO,BLOCKED,STOP,INCONCLUSIVE})"
      exit 1
    fi
  done
done
echo "flywheel-gates: $overall; no PR's verdict is in fail-on (${FG_FAIL_ON:-NO_GO,BLOCKED,STOP,INCONCLUSIVE})"
