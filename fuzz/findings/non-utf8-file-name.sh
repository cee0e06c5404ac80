#!/bin/sh
# Status: OPEN (checked at c816d7e).
# Finding: a scenario file whose name is not UTF-8 cannot be opened: exit 66 "file not found".
# Swift decodes CommandLine.arguments lossily (the byte 0xFF becomes U+FFFD), so the path the
# tool opens is not the file's. Usage: sh fuzz/findings/non-utf8-file-name.sh [BINARY]
B=${1:-.build/release/bigclient}
d=$(mktemp -d)
name=$(printf "$d/bad\377.json5")
printf '{}\n' > "$name"
"$B" check "$name"; echo "exit $?"    # error: …/bad�.json5: file not found, exit 66
rm -rf "$d"
