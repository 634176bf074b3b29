# Sourced by the build scripts. with_progress <what> <log> <command...> runs a long step while a background
# ticker says on stderr what it is doing and for how long, every ECS_GUARDRAILS_PROGRESS_SECONDS (default 20).
# The command's output goes to <log> (- for stderr); `go build -v` writes one line per package it compiles,
# so the ticker counts them. On failure the log is printed.
with_progress() {
  local what="$1" log="$2" start rc=0 ticker
  shift 2
  start=$(date +%s)
  (
    while sleep "${ECS_GUARDRAILS_PROGRESS_SECONDS:-20}"; do
      count=""
      if [ "$log" != - ] && [ -s "$log" ]; then count=", $(wc -l <"$log" | tr -d ' ') packages so far"; fi
      echo "  ... $what: $(( $(date +%s) - start )) s$count" >&2
    done
  ) &
  ticker=$!
  if [ "$log" = - ]; then "$@" >&2 || rc=$?; else "$@" >"$log" 2>&1 || rc=$?; fi
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    [ "$log" = - ] || cat "$log" >&2
    echo "  $what: failed after $(( $(date +%s) - start )) s" >&2
  else
    echo "  $what: done in $(( $(date +%s) - start )) s" >&2
  fi
  return "$rc"
}
