#!/usr/bin/env bash
# Renders the report.html of a small run, a 1-D sweep, a one-at-a-time sweep and a 2-D sweep in
# headless Chromium (results/README.md, "report.html"): each page must render to a PNG that is
# not blank, and every section id must be in the DOM Chromium built.
# Usage: scripts/check-report.sh [BIGCLIENT_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/bigclient}")
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "check-report: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
work=$(mktemp -d /tmp/bigclient-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
short=(--replications 3 --horizon-days 200 --warmup-days 91 --jobs 2 --quiet)
scenario=scenarios/small-shop.json5

"$binary" run "$scenario" "${short[@]}" --out "$work/run" 2>/dev/null
"$binary" sweep "$scenario" --vary technicians.count=4,5,6 "${short[@]}" --out "$work/sweep-1d" 2>/dev/null
"$binary" sweep "$scenario" --design oat --vary technicians.count=4,6 \
  --vary policies.standard.response.reducesVolume.volumeFactor=0.5,1 "${short[@]}" --out "$work/sweep-oat" 2>/dev/null
"$binary" sweep "$scenario" --vary technicians.count=4,6 \
  --vary policies.standard.response.reducesVolume.volumeFactor=0.5,1 "${short[@]}" --out "$work/sweep-2d" 2>/dev/null

common=(recommendation profit-distribution difference-by-outcome risk value-of-information side-effects about)
for case in run sweep-1d sweep-oat sweep-2d; do
  page="$work/$case/report.html"
  [ -s "$page" ] || { echo "check-report: $case wrote no report.html" >&2; exit 1; }
  if grep -qiE 'http|src=|<script' "$page"; then echo "check-report: $case: the page has a script or an external reference" >&2; exit 1; fi
  # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,3000 \
    --screenshot="$work/$case.png" "file://$page" >/dev/null 2>&1
  "$chrome" --headless --no-sandbox --disable-gpu --dump-dom "file://$page" 2>/dev/null > "$work/$case.dom.html"
  ids=("${common[@]}")
  [ "$case" = run ] || ids+=(sweep)
  for id in "${ids[@]}"; do
    grep -q "<section id=\"$id\">" "$work/$case.dom.html" || { echo "check-report: $case: section '$id' is not in the DOM" >&2; exit 1; }
  done
  case "$case" in
    sweep-1d) chart='aria-label="profit difference against' ;;
    sweep-oat) chart='aria-label="tornado of the profit difference' ;;
    sweep-2d) chart='aria-label="map of the profit difference' ;;
    *) chart='aria-label="profit_eur per replication' ;;
  esac
  grep -q "$chart" "$work/$case.dom.html" || { echo "check-report: $case: its chart ($chart) is not in the DOM" >&2; exit 1; }
  python3 - "$work/$case.png" "$case" <<'PY'
# A stdlib-only PNG check: decode the image (8-bit RGB or RGBA, any filter) and count its
# colours; a blank render has one.
import struct, sys, zlib
path, case = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{case}: not a PNG"
pos, idat, width = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and colour in (2, 6), f"{case}: unexpected PNG format (depth {depth}, colour type {colour})"
        channels = 3 if colour == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * channels
previous = bytearray(stride)
colours = set()
for row in range(height):
    start = row * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b = previous[i]
        c = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if row % 4 == 0:
        for x in range(0, stride, channels * 2):
            colours.add(bytes(line[x:x + 3]))
    previous = line
assert len(colours) > 1, f"{case}: the screenshot is blank (one colour)"
print(f"check-report: {case}: {width}x{height} PNG, {len(colours)} distinct colours sampled")
PY
done
echo "check-report: 4 pages rendered by $("$chrome" --version 2>/dev/null | head -1), every section in the DOM"
