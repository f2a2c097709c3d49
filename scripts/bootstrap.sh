#!/usr/bin/env bash
# Makes a machine ready to build Lever (installing only what is missing), then builds it, saying
# what it is doing on standard error: what it installs, and the build's progress when there is
# something to build. When no source changed since the last build, it builds nothing (it does
# not even ask `swift build`, whose up-to-date check alone takes seconds). On a failed build it
# prints the compiler's errors and exits non-zero.
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

# Up to date: the binary is newer than every source, manifest and plugin file, and than git's
# index (a commit changes the revision the binary reports as its version).
bin="$root/.build/debug/lever"
watched=("$root/Sources" "$root/Plugins" "$root/Package.swift")
[ -e "$root/.git/index" ] && watched+=("$root/.git/index")
if [ -x "$bin" ] && [ -z "$(find "${watched[@]}" -newer "$bin" -print -quit 2>/dev/null)" ]; then
    exit 0
fi

if [ -x "$bin" ]; then
    echo "bootstrap: sources changed; building lever" >&2
else
    echo "bootstrap: building lever for the first time (about 4 minutes on 2 cores; later builds take seconds)" >&2
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$SECONDS
# The compiler's `[N/M]` steps shown as a percentage every tenth of the way.
set +e
swift build --package-path "$root" 2>&1 | tee "$log" | awk '
    match($0, /^\[[0-9]+\/[0-9]+\]/) {
        split(substr($0, 2, RLENGTH - 2), n, "/")
        tenth = int(10 * n[1] / n[2])
        if (n[2] > 20 && tenth > shown && tenth < 10) { shown = tenth; printf "bootstrap: building… %d%%\n", tenth * 10 > "/dev/stderr" }
    }'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "bootstrap: swift build failed" >&2
    # Errors with the two lines of source context the compiler prints after them; the whole log
    # when the failure is not a compiler error (dependency resolution, linker).
    grep -E -A2 "error:" "$log" >&2 || cat "$log" >&2
    exit 1
fi
touch "$bin"   # a build that had nothing to relink still counts as up to date
echo "bootstrap: built lever in $((SECONDS - start)) s" >&2
