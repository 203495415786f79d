#!/usr/bin/env bash
# The whole suite: unit and AppTest layers in parallel, then the browser journeys (they start servers).
set -euo pipefail
BIN=.venv/bin
$BIN/pytest tests/unit tests/app -q -n 2 -p no:cacheprovider
# A journey that fails is tried twice more: under load a chart or map can miss a timeout (a real failure fails thrice).
$BIN/pytest tests/browser -q -p no:cacheprovider --reruns 2 --reruns-delay 2
