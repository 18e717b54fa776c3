#!/usr/bin/env bash
# Runs one test/scheme program under bin/rkt and diffs against its golden files.
cd "$(dirname "$0")/../test/scheme"
f=$1; base=${f%.rkt}
../../bin/rkt "$f" > /tmp/dt.out 2> /tmp/dt.err; code=$?
diff <(sed "s|$PWD/|<dir>/|g" /tmp/dt.out) "$base.out" > /tmp/dt.diff && echo "stdout ok" || { echo "stdout differs:"; cat /tmp/dt.diff | head -40; }
diff <(sed "s|$PWD/|<dir>/|g" /tmp/dt.err | grep -v '^ *context\.\.\.:') <(cat "$base.err" 2>/dev/null) | head -20
echo "exit $code (expected $(cat $base.code 2>/dev/null || echo 0))"
