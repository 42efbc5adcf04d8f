#!/usr/bin/env bash
# Renders the masks review sheet of the fixture in headless Chromium and saves a screenshot.
#
#   scripts/review-screenshot.sh [OUT.png]      (default: Fixtures/masks/review-screenshot.png)
#
# Installs Chromium from Debian's packages when it is missing (needs root or sudo), builds annokit, runs the
# workflow on Fixtures/masks (import the model predictions, derive ellipses for the rest, export the sheet)
# and takes a 1280x1600 screenshot. Look at the picture before calling the page done.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-Fixtures/masks/review-screenshot.png}"

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then browser="$name"; break; fi
done
if [ -z "$browser" ]; then
  echo "installing chromium from Debian's packages..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser=chromium
fi

swift build --product annokit >&2
annokit="$(swift build --show-bin-path)/annokit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$annokit" masks import Fixtures/masks/boxes-only.json --predictions Fixtures/masks/predictions.json \
  --model sam-vit-b --model-version 2024-04 -o "$work/step1.json" --quiet
"$annokit" masks from-boxes "$work/step1.json" --shape ellipse -o "$work/step2.json" --quiet
"$annokit" masks review export "$work/step2.json" --images Fixtures/masks/images -o "$work/review.html"

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000 --screenshot="$work/shot.png" \
  --window-size=1280,1600 "file://$work/review.html" 2>/dev/null
cp "$work/shot.png" "$out"
echo "screenshot: $out ($(wc -c <"$out") bytes)" >&2
