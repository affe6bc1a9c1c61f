#!/usr/bin/env bash
# trustchain in CI: the one script the GitHub Actions and GitLab CI examples call (examples/ci/), and that the
# end-to-end tests run against the lab. See docs/ci.md for the whole flow.
#
#   ci/trustchain-ci.sh plan    On a pull/merge request: plan, save the plan (the approval apply will use),
#                               write the Markdown comment and the JUnit/JSON reports.
#                               Exit 0 with or without changes (changes=true|false is in $TRUSTCHAIN_OUT/changes
#                               and in $GITHUB_OUTPUT), 1 when a host could not be planned, 64/65 bad input.
#   ci/trustchain-ci.sh apply   After the merge: apply exactly the saved plan ($TRUSTCHAIN_OUT/plan.json), then plan
#                               again and fail unless nothing is left to do. Exit 0 converged, 1 otherwise.
#   ci/trustchain-ci.sh drift   On a schedule: plan --detailed-exitcode. Exit 0 no drift, 2 drift (the Markdown
#                               report is in $TRUSTCHAIN_OUT/drift.md), 1 a host could not be planned.
#
# Environment (all optional):
#   TRUSTCHAIN             the trustchain executable (default: the launcher at the repository's root)
#   TRUSTCHAIN_PLAYBOOKS   playbooks, separated by spaces (default: playbooks/site.yml)
#   TRUSTCHAIN_INVENTORY   the inventory (default: ansible.cfg's inventory)
#   TRUSTCHAIN_OUT         where plans and reports go (default: trustchain-out); keep it as the job's artifact
#   TRUSTCHAIN_SHARD       I/N, this job's part of the fleet. Default: GitLab's parallel: (CI_NODE_INDEX/CI_NODE_TOTAL),
#                          or a Kubernetes indexed job (JOB_COMPLETION_INDEX + 1 / TRUSTCHAIN_SHARDS)
#   TRUSTCHAIN_PLAN_ARGS   more plan options, e.g. "--limit design --forks 50"
#   TRUSTCHAIN_APPLY_ARGS  more apply options, e.g. "--serial 10% --max-fail-percent 20 --lock-timeout 10m"
#   TRUSTCHAIN_ALLOW_EMPTY 1 when plays that match no host are expected (passes --allow-empty). Leave it unset
#                          for drift: a typo in hosts: then fails the job (exit 1) instead of reporting no drift
#                          forever. An empty shard of a non-empty fleet is never an error.
#   Secrets reach trustchain the usual ways: ANSIBLE_VAULT_PASSWORD_FILE, TRUSTCHAIN_* variables named by
#   !secret env:…, files. Nothing here prints them.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
TC=${TRUSTCHAIN:-$ROOT/trustchain}
OUT=${TRUSTCHAIN_OUT:-trustchain-out}
read -r -a PLAYBOOKS <<< "${TRUSTCHAIN_PLAYBOOKS:-playbooks/site.yml}"
read -r -a PLAN_ARGS <<< "${TRUSTCHAIN_PLAN_ARGS:-}"
read -r -a APPLY_ARGS <<< "${TRUSTCHAIN_APPLY_ARGS:-}"

usage() {
  echo "usage: ci/trustchain-ci.sh plan|apply|drift (see the comments at the top of this script)" >&2
  exit 64
}

[ $# -eq 1 ] || usage
mkdir -p "$OUT"

SELECT=()
if [ -n "${TRUSTCHAIN_INVENTORY:-}" ]; then
  SELECT+=(-i "$TRUSTCHAIN_INVENTORY")
fi
shard=${TRUSTCHAIN_SHARD:-}
if [ -z "$shard" ] && [ -n "${CI_NODE_TOTAL:-}" ] && [ "${CI_NODE_TOTAL}" -gt 1 ]; then
  shard="${CI_NODE_INDEX}/${CI_NODE_TOTAL}"
fi
if [ -z "$shard" ] && [ -n "${JOB_COMPLETION_INDEX:-}" ] && [ -n "${TRUSTCHAIN_SHARDS:-}" ]; then
  shard="$((JOB_COMPLETION_INDEX + 1))/${TRUSTCHAIN_SHARDS}"
fi
if [ -n "$shard" ]; then
  SELECT+=(--shard "$shard")
fi
if [ "${TRUSTCHAIN_ALLOW_EMPTY:-}" = 1 ]; then
  SELECT+=(--allow-empty)
fi

# Writes NAME=VALUE for later steps (GitHub Actions) and into $OUT/NAME (every CI).
output() {
  printf '%s\n' "$2" > "$OUT/$1"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
  fi
}

# Shows a Markdown report in the job log and, on GitHub, in the run's summary.
show() {
  cat "$1"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat "$1" >> "$GITHUB_STEP_SUMMARY"
  fi
}

case "$1" in
  plan)
    rc=0
    "$TC" plan ${SELECT[@]+"${SELECT[@]}"} ${PLAN_ARGS[@]+"${PLAN_ARGS[@]}"} --detailed-exitcode --out "$OUT/plan.json" --format markdown \
      --report-junit "$OUT/plan-junit.xml" "${PLAYBOOKS[@]}" > "$OUT/plan.md" || rc=$?
    case $rc in
      0) output changes false; show "$OUT/plan.md" ;;
      2) output changes true; show "$OUT/plan.md" ;;
      1) output changes unknown; show "$OUT/plan.md"; echo "trustchain-ci: some hosts could not be planned" >&2; exit 1 ;;
      *) exit "$rc" ;;
    esac
    ;;
  apply)
    if [ ! -f "$OUT/plan.json" ]; then
      echo "trustchain-ci: no saved plan at $OUT/plan.json (download the plan job's artifact there first)" >&2
      exit 64
    fi
    rc=0
    "$TC" apply "$OUT/plan.json" ${APPLY_ARGS[@]+"${APPLY_ARGS[@]}"} --report-junit "$OUT/apply-junit.xml" \
      --report-json "$OUT/apply-report.json" --audit-log "$OUT/audit.jsonl" || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "trustchain-ci: the apply did not converge every host (exit $rc); see $OUT/apply-report.json" >&2
      exit "$rc"
    fi
    rc=0
    "$TC" plan ${SELECT[@]+"${SELECT[@]}"} ${PLAN_ARGS[@]+"${PLAN_ARGS[@]}"} --detailed-exitcode --format markdown "${PLAYBOOKS[@]}" \
      > "$OUT/after-apply.md" || rc=$?
    if [ "$rc" -ne 0 ]; then
      show "$OUT/after-apply.md"
      echo "trustchain-ci: after the apply, plan still finds work (exit $rc)" >&2
      exit 1
    fi
    echo "trustchain-ci: applied; plan after apply finds nothing to do"
    ;;
  drift)
    rc=0
    "$TC" plan ${SELECT[@]+"${SELECT[@]}"} ${PLAN_ARGS[@]+"${PLAN_ARGS[@]}"} --detailed-exitcode --format markdown \
      --report-junit "$OUT/drift-junit.xml" --report-json "$OUT/drift.json" "${PLAYBOOKS[@]}" > "$OUT/drift.md" || rc=$?
    case $rc in
      0) output drift false ;;
      2) output drift true; show "$OUT/drift.md"; echo "trustchain-ci: drift: the Macs differ from the documents" >&2 ;;
      *) output drift unknown; show "$OUT/drift.md"
         echo "trustchain-ci: drift: the check itself failed (exit $rc): no host selected, unreachable hosts or bad documents" >&2
         exit "$rc" ;;
    esac
    exit "$rc"
    ;;
  *) usage ;;
esac
