#!/bin/sh
# Status: FIXED in 7e16e91: refused with exit 64, naming the argument and the byte (Foundation's file APIs take strings, so such a name cannot be opened; rename it).
# Finding: a scenario file whose name is not UTF-8 cannot be opened: exit 66 "file not found".
# Swift decodes CommandLine.arguments lossily (the byte 0xFF becomes U+FFFD), so the path the
# tool opens is not the file's. Usage: sh fuzz/findings/non-utf8-file-name.sh [BINARY]
B=${1:-.build/release/bigclient}
d=$(mktemp -d)
name=$(printf "$d/bad\377.json5")
printf '{}\n' > "$name"
"$B" check "$name"; echo "exit $?"    # error: argument 2 (…bad\xFF.json5) is not UTF-8 text (byte 0xFF) …, exit 64 (was: file not found, 66)
rm -rf "$d"
