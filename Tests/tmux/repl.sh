#!/usr/bin/env bash
# End-to-end test of `lever repl` on a real pseudo-terminal, driven through tmux:
# tab completion, history recalled after a restart (through a linked history file), a multi-line
# declaration, and Ctrl-C recovery.
# Usage: Tests/tmux/repl.sh BIN   (BIN: the built `lever` executable)
# Exit 0 when every check passes or when tmux is absent (skipped, with a message); 1 on a failure.
set -euo pipefail
bin="${1:?usage: Tests/tmux/repl.sh BIN}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
policy="$root/Rules/prime.lever"
if ! command -v tmux >/dev/null 2>&1; then
    echo "repl.sh: SKIPPED: tmux is not installed, so no pseudo-terminal can be driven (bootstrap installs it)"
    exit 0
fi

work="$(mktemp -d)"
session="lever-repl-$$"
# The history file is a symbolic link, as a dotfiles manager makes it: saving must write the
# link's target and leave the link a link.
history="$work/history"
history_target="$work/dotfiles/lever_history"
mkdir -p "$work/dotfiles"
: >"$history_target"
ln -s "$history_target" "$history"
# A private tmux server (-S), so the test neither needs nor disturbs the user's own tmux.
tmux_() { tmux -S "$work/tmux.sock" "$@"; }
cleanup() { tmux_ kill-server >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

pane() { tmux_ capture-pane -p -t "$session"; }
fail() {
    echo "repl.sh: FAIL: $1"
    tmux_ display -p -t "$session" "pane dead: #{pane_dead}, pid #{pane_pid}" || true
    echo "--- screen ---"; pane || true; exit 1
}
# Polls the screen for up to 10 s (capture-pane strips trailing blanks: wait for `lever>`, not `lever> `).
wait_for() {
    local i
    for i in $(seq 1 200); do
        if pane | grep -qF -- "$1"; then return 0; fi
        sleep 0.05
    done
    fail "did not see \`$1\` ($2)"
}
# Waits until TEXT appears COUNT times (a prompt that came back).
wait_count() {
    local i
    for i in $(seq 1 200); do
        if [ "$(pane | grep -cF -- "$1")" -ge "$2" ]; then return 0; fi
        sleep 0.05
    done
    fail "did not see \`$1\` $2 times ($3)"
}
# Waits until the REPL process has exited (the pane's own flag: the "Pane is dead" line is not
# always drawn by the time capture-pane runs).
wait_dead() {
    local i
    for i in $(seq 1 200); do
        if [ "$(tmux_ display -p -t "$session" '#{pane_dead}')" = 1 ]; then return 0; fi
        sleep 0.05
    done
    fail "the REPL did not exit ($1)"
}
start() {
    tmux_ new-session -d -s "$session" -x 120 -y 40 \
        "env LEVER_HISTORY='$history' NO_COLOR=1 TERM=xterm '$bin' repl '$policy'" \
        </dev/null >/dev/null 2>&1   # the server must not hold the caller's pipes open
    tmux_ set-option -t "$session" remain-on-exit on >/dev/null   # keep the screen after exit
    wait_for 'lever>' "prompt after start"
}
keys() { tmux_ send-keys -t "$session" "$@"; }

start
# 1. Tab completion: a unique command prefix is completed in place.
keys ':hel' Tab
wait_for 'lever> :help' "tab completion of :hel"
keys C-u
# A table's field after its name, completed as one word with the name.
keys 'tier.credit' Tab
wait_for 'lever> tier.credit_line' "tab completion of tier.credit"
keys C-u
# 2. A multi-line declaration: the continuation prompt, then the declared value.
keys 'param lever_test_q = max(1,' Enter
wait_for '  |' "continuation prompt"
keys '2)' Enter
wait_count 'lever>' 2 "prompt after the multi-line declaration"
keys 'lever_test_q * 10' Enter
wait_for '20' "value of the multi-line declaration"
# 3. Ctrl-C drops the half-typed multi-line input and the REPL keeps running.
keys 'max(3,' Enter
wait_for '  |' "continuation prompt before Ctrl-C"
keys C-c
wait_for '^C' "Ctrl-C echoed"
keys '40 + 2' Enter
wait_for '42' "a result after Ctrl-C"
# 4. Ctrl-D leaves and the history file is written. Wait for the prompt first: a Ctrl-D typed
# ahead, while the terminal is still in cooked mode, is consumed by the tty and never seen.
wait_count 'lever>' 5 "prompt after 42"
keys C-d
wait_dead "exit on Ctrl-D"
grep -qxF 'lever_test_q * 10' "$history_target" || fail "history file lacks \`lever_test_q * 10\`"
[ -L "$history" ] || fail "saving the history replaced its symbolic link with a file"
tmux_ kill-session -t "$session"

# 5. History is recalled after a restart.
start
keys Up
wait_for 'lever> 40 + 2' "history recalled after a restart"
keys Up Up   # past the line abandoned with Ctrl-C (`max(3,`), which was entered and so kept
wait_for 'lever> lever_test_q * 10' "older history recalled after a restart"
keys C-u ':quit' Enter
wait_dead "exit on :quit"
echo "repl.sh: ok (tab completion of commands and table fields, multi-line, Ctrl-C, Ctrl-D, history after restart, through a link)"
