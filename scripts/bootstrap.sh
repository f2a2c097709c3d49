#!/usr/bin/env bash
# Makes a machine ready to build Lever (installing only what is missing), then builds it.
# Quiet on success; on a failed build prints the compiler's errors and exits non-zero.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

missing=()
[ -f /usr/include/readline/readline.h ] || missing+=(libreadline-dev)   # the REPL links GNU readline
command -v tmux >/dev/null 2>&1 || missing+=(tmux)                       # the REPL's terminal tests
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    echo "bootstrap: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift build --package-path "$root" >"$log" 2>&1; then
    echo "bootstrap: swift build failed" >&2
    # Errors with the two lines of source context the compiler prints after them; the whole log
    # when the failure is not a compiler error (dependency resolution, linker).
    grep -E -A2 "error:" "$log" >&2 || cat "$log" >&2
    exit 1
fi
