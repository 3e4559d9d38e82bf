#!/usr/bin/env bash
# Builds the stand-in vssapi.dll with MinGW-w64. Usage: build.sh <output-dir>
# -Werror: a handler whose signature differs from the header's Vtbl member is a compile error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/build}"
mkdir -p "$out"
x86_64-w64-mingw32-gcc -std=c11 -O1 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers \
  -shared -o "$out/vssapi.dll" \
  "$here/log.c" "$here/base.c" "$here/async.c" "$here/writers.c" "$here/snapshots.c" "$here/backup.c" \
  "$here/vssapi.def" -lole32 -loleaut32 -luuid -static-libgcc
echo "$out/vssapi.dll"
