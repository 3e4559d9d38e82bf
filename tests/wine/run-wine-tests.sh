#!/usr/bin/env bash
# The Wine proof of the Windows VSS provider and of the coordinator executable built on it. Builds the
# stand-in vssapi.dll with MinGW, publishes the driver, the contract runner and coordinator.exe for
# win-x64 (each cached by source hash), and runs them under Wine:
#   1. the driver against the stand-in: asserts the call log (order, arguments, no ARG-MISMATCH, every
#      call from the thread that created the components object) and that every COM reference, BSTR,
#      VSS_COMPONENTINFO and VSS_SNAPSHOT_PROP was released;
#   2. the driver against Wine's own vssapi.dll: asserts the clear "VSS is not available" error (E_NOTIMPL);
#   3. the stand-in failing creation with E_ACCESSDENIED: asserts the privilege advice;
#   4./5. the stand-in failing DoSnapshotSet / AddToSnapshotSet: asserts the VssException, the AbortBackup
#      and that nothing leaks on the failure path;
#   6. the driver calling from a second thread, on an MTA thread, with the STA requirement on: asserts
#      the stand-in reports THREAD-VIOLATION and APARTMENT-VIOLATION, so the checks of run 8 can fail;
#   7. the provider contract suite (tests/Coordinator.Vss.Tests/Contract) compiled into a win-x64 runner,
#      against the stand-in;
#   8. coordinator.exe itself: `backup C: D: --provider windows --json` against the stand-in with
#      VSSAPI_STANDIN_REQUIRE_STA=1: asserts exit 0, one JSON document with status succeeded, that every
#      call on each components object and the objects it handed out came from the thread that created it
#      and that this thread is an STA (the pinned session dispatcher's), and no leaks.
# The stand-in logs one "ON <method> obj= thread= apartment=" line per call (Wine has no VSS to enforce
# apartment rules, so the stand-in checks them); any THREAD-VIOLATION or APARTMENT-VIOLATION line fails.
# Prints "SKIP: <why>" and exits 0 when wine or MinGW are missing, except on CI (CI=true), where that
# is a failure. Last line: "wine: N passed, M failed". Exit status non-zero on any failure.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
driver_project="$repo/tests/Coordinator.Vss.WineDriver"
cache_root="${COORDINATOR_WINE_CACHE:-$driver_project/obj/wine-publish}"
passed=0
failed=0

pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
finish() { echo "wine: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
check() { # check <description> <command...>: one assertion
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
no_lines() { # no_lines <log> <line prefix> <description>: no line starts with the prefix; shows those that do
  local file="$1" prefix="$2" what="$3"
  if [ ! -s "$file" ]; then
    fail "$what (no call log at $file)"
  elif grep -q "^$prefix" "$file"; then
    grep "^$prefix" "$file" | head -20
    fail "$what"
  else
    pass "$what"
  fi
}
# thread_report <log>: one line per components object: how many calls it and the objects it handed out
# got, on which threads and in which apartments, from the stand-in's ON lines (one per call). "ok" when
# every call came from the creating thread.
thread_report() {
  awk '
    { sub(/\r$/, "") } # the stand-in writes its log in text mode: CRLF
    /^NEW bc[0-9]+ IVssBackupComponents / { for (i = 3; i <= NF; i++) if ($i ~ /^thread=/) created[$2] = substr($i, 8) }
    /^ON / {
      fam = ""; th = ""; ap = ""
      for (i = 3; i <= NF; i++) {
        if ($i ~ /^of=/) fam = substr($i, 4); else if ($i ~ /^thread=/) th = substr($i, 8); else if ($i ~ /^apartment=/) ap = substr($i, 11)
      }
      calls[fam]++
      if (!((fam, th) in seen_t)) { seen_t[fam, th] = 1; threads[fam] = threads[fam] (threads[fam] == "" ? "" : ",") th }
      if (!((fam, ap) in seen_a)) { seen_a[fam, ap] = 1; apts[fam] = apts[fam] (apts[fam] == "" ? "" : ",") ap }
    }
    END {
      for (f in calls)
        printf "%s calls=%d created-on=%s threads=%s apartments=%s %s\n", f, calls[f], created[f], threads[f], apts[f],
               (threads[f] == created[f] ? "ok" : "WRONG-THREAD")
    }' "$1" | LC_ALL=C sort
}
check_threads() { # check_threads <log> <label> [sta]: the thread report is not empty and all ok (and all STA with "sta")
  local report ok=1
  report="$(thread_report "$1")"
  [ -n "$report" ] || ok=0
  grep -qv ' ok$' <<<"$report" && ok=0
  if [ "${3:-}" = sta ] && grep -Eqv ' apartments=(STA|MAINSTA)(,(STA|MAINSTA))* ' <<<"$report"; then ok=0; fi
  if [ "$ok" -eq 1 ]; then
    pass "$2: $(tr '\n' ';' <<<"$report" | sed 's/;$//; s/;/; /g')"
  else
    echo "$report"
    fail "$2: every call on a components object from its creating thread${3:+, an STA}"
  fi
}
missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 (CI=true: .ci/run installs wine, wine64, gcc-mingw-w64-x86-64 and mingw-w64-common, so this is a broken CI image)"
    failed=$((failed + 1))
    finish
  fi
  echo "SKIP: $1"
  exit 0
}

command -v wine >/dev/null 2>&1 || missing "wine not found (Debian: apt-get install wine wine64)"
command -v wineboot >/dev/null 2>&1 || missing "wineboot not found (Debian: apt-get install wine wine64)"
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing "x86_64-w64-mingw32-gcc not found (Debian: apt-get install gcc-mingw-w64-x86-64)"
[ -f /usr/share/mingw-w64/include/vsbackup.h ] || missing "MinGW VSS headers not found (Debian: apt-get install mingw-w64-common)"
command -v dotnet >/dev/null 2>&1 || missing "dotnet not found"

work="$(mktemp -d "${TMPDIR:-/tmp}/coordinator-wine.XXXXXX")"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64
# .NET maps JIT code twice (write-xor-execute); under Wine, freeing a collected dynamic method's code (the finalizer
# of DynamicResolver.DestroyScout) then crashes the runtime with "Internal CLR error (0x80131506)", at random, after
# the work is done. Seen with the coordinator (Akka, DI and System.Text.Json emit code); never on Windows, where
# W^X stays on. Off here, for every program the proof runs.
export DOTNET_EnableWriteXorExecute=0
cleanup() {
  # Stop the wineserver of our own prefix only, then remove the prefix and logs.
  wineserver -k >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Wine maps drive Z: to /, so a Linux path is Z: plus the path with backslashes.
winpath() { local p="$1"; echo "Z:${p//\//\\}"; }

# ---- 1. the stand-in vssapi.dll (-Werror: every handler's signature must match the header's Vtbl) ----
if "$repo/tests/native/vssapi-standin/build.sh" "$work/standin" >"$work/standin-build.txt" 2>&1; then
  pass "stand-in vssapi.dll builds with -Werror against the MinGW headers"
else
  cat "$work/standin-build.txt"
  fail "stand-in vssapi.dll builds with -Werror against the MinGW headers"
  finish
fi

# ---- 2. the driver, the contract runner and the coordinator executable, published win-x64
# self-contained, each cached by a hash of everything it is built from ----
# source_key <path...>: the names and contents of the build inputs under these paths, hashed.
source_key() {
  (cd "$repo" && find "$@" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.hocon' \) \
     -not -path '*/obj/*' -not -path '*/bin/*' | LC_ALL=C sort | { mapfile -t files; printf '%s\n' "${files[@]}"; cat "${files[@]}"; }) |
    sha256sum | cut -c1-16
}
# Started from `dotnet test`, MSBuild's variables would leak into these nested builds; drop them.
unset MSBuildExtensionsPath MSBUILD_EXE_PATH MSBuildSDKsPath MSBuildLoadMicrosoftTargetsReadOnly
publish_project() { # publish_project <csproj under the repo> <artifacts name> <output dir>
  # The artifacts path keeps these builds' bin/obj away from the normal Debug build's.
  dotnet publish "$repo/$1" -c Release -r win-x64 --self-contained --artifacts-path "$cache_root/artifacts-$2" -o "$3" \
    -nodeReuse:false -v quiet >"$work/publish.txt" 2>&1 || { cat "$work/publish.txt"; return 1; }
}
mkdir -p "$cache_root"

tests_key="$(source_key src/Coordinator.Vss tests/Coordinator.Vss.WineDriver tests/Coordinator.Vss.WineContract \
                        tests/Coordinator.Vss.Tests/Contract tests/Coordinator.Vss.Tests/Support Directory.Build.props)"
publish="$cache_root/tests-$tests_key"
if [ -f "$publish/driver/Coordinator.Vss.WineDriver.exe" ] && [ -f "$publish/contract/Coordinator.Vss.WineContract.exe" ]; then
  echo "publish: cached $publish"
else
  rm -rf "$publish.tmp"
  for project in WineDriver WineContract; do
    if ! publish_project "tests/Coordinator.Vss.$project/Coordinator.Vss.$project.csproj" tests \
         "$publish.tmp/$( [ "$project" = WineDriver ] && echo driver || echo contract )"; then
      fail "Coordinator.Vss.$project publishes for win-x64"
      finish
    fi
  done
  mv "$publish.tmp" "$publish"
fi
pass "driver and contract runner published for win-x64 (self-contained)"
contract_publish="$publish/contract"
publish="$publish/driver"

coordinator_key="$(source_key src config/akka.hocon Directory.Build.props)"
coordinator_publish="$cache_root/coordinator-$coordinator_key"
if [ -f "$coordinator_publish/coordinator.exe" ]; then
  echo "publish: cached $coordinator_publish"
else
  rm -rf "$coordinator_publish.tmp"
  if ! publish_project src/Coordinator/Coordinator.csproj coordinator "$coordinator_publish.tmp"; then
    fail "coordinator executable publishes for win-x64"
    finish
  fi
  mv "$coordinator_publish.tmp" "$coordinator_publish"
fi
pass "coordinator executable published for win-x64 (self-contained)"
# Only the current publishes stay; the artifacts folders stay too, so a changed source rebuilds incrementally.
for entry in "$cache_root"/*; do
  case "${entry##*/}" in
    "tests-$tests_key" | "coordinator-$coordinator_key" | artifacts-tests | artifacts-coordinator) ;;
    *) rm -rf "$entry" ;;
  esac
done

# ---- 3. a fresh Wine prefix ----
if timeout 180 wineboot -i >"$work/wineboot.txt" 2>&1; then
  pass "wine prefix created"
else
  cat "$work/wineboot.txt"
  fail "wine prefix created"
  finish
fi

run_driver() { # run_driver <dir> <mode> <stdout> : extra environment comes from the caller
  (cd "$1" && timeout 120 wine ./Coordinator.Vss.WineDriver.exe "$2" >"$3" 2>"$3.err")
}

# ---- run 1: the full backup sequence against the stand-in ----
run1="$work/run-standin"
cp -al "$publish" "$run1" 2>/dev/null || cp -a "$publish" "$run1"
cp "$work/standin/vssapi.dll" "$run1/"
log="$work/standin.log"
out="$work/backup.json"
VSSAPI_STANDIN_LOG="$(winpath "$log")" WINEDLLOVERRIDES="vssapi=n" run_driver "$run1" backup "$out"
rc=$?
check "backup sequence exits 0 (got $rc)" test "$rc" -eq 0
check "the stand-in, not Wine's vssapi, was loaded" grep -q '^LOAD vssapi-standin' "$log"
no_lines "$log" ARG-MISMATCH "no ARG-MISMATCH in the call log"
no_lines "$log" REFUSED "no request VSS would refuse (REFUSED) in the call log"
no_lines "$log" THREAD-VIOLATION "every call on bc1 and the objects it handed out came from its creating thread (no THREAD-VIOLATION)"
check_threads "$log" "calls per components object (driver)"

expected_order="InitializeForBackup SetContext SetBackupState GatherWriterMetadata GetWriterMetadataCount GetWriterMetadata GetWriterMetadata FreeWriterMetadata AddComponent AddComponent StartSnapshotSet AddToSnapshotSet AddToSnapshotSet PrepareForBackup DoSnapshotSet GetSnapshotProperties GetSnapshotProperties SetBackupSucceeded SetBackupSucceeded BackupComplete GatherWriterStatus GetWriterStatusCount GetWriterStatus GetWriterStatus FreeWriterStatus Query"
actual_order="$(sed -n 's/^CALL IVssBackupComponents\.\([A-Za-z]*\) .*/\1/p' "$log" | tr '\n' ' ' | sed 's/ $//')"
if [ "$actual_order" = "$expected_order" ]; then
  pass "IVssBackupComponents calls in the documented order"
else
  echo "  expected: $expected_order"
  echo "  actual:   $actual_order"
  fail "IVssBackupComponents calls in the documented order"
fi

has() { grep -qF -- "$2" "$1"; }
leak_checks() { # leak_checks <log> <label prefix> <fewest objects>: nothing the stand-in handed out is still held
  local summary new_count zero_count
  summary="$(grep '^SUMMARY' "$1" || true)"
  check "${2}stand-in wrote its summary at unload" test -n "$summary"
  check "${2}no COM object left alive (live=0)" has "$1" " live=0 "
  check "${2}every VSS_COMPONENTINFO freed" has "$1" "component-infos-outstanding=0"
  check "${2}every snapshot property struct freed" has "$1" "snapshot-props-outstanding=0"
  new_count="$(grep -c '^NEW ' "$1")"
  zero_count="$(grep -c '^REFS .* 0 addref=' "$1")"
  check "${2}every object created ($new_count) reached refcount 0 exactly once ($zero_count)" \
    test "$new_count" -eq "$zero_count" -a "$new_count" -gt "$3"
}
check "InitializeForBackup got a NULL BSTR" has "$log" "InitializeForBackup obj=bc1 xml=NULL"
check "SetContext got VSS_CTX_BACKUP" has "$log" "SetContext obj=bc1 context=0x0"
check "SetBackupState got one-byte booleans 1,0 and VSS_BT_FULL" has "$log" "SetBackupState obj=bc1 selectComponents=1 bootable=0 type=1 partialFile=0"
check "AddComponent passed the writer's GUIDs and logical path" has "$log" 'AddComponent obj=bc1 instance={c0ffee00-1234-4abc-8def-0123456789ab} writer={a3a1c1e0-0b1d-4c7e-9f2a-5d6e7f809101} type=1 logicalPath="Instance1" name="Db1"'
check "AddComponent passed NULL for a root component's logical path" has "$log" 'writer={b4b2d2f1-1c2e-4d8f-8a3b-6e7f80912345} type=2 logicalPath=NULL name="Files"'
check "AddToSnapshotSet got C:\\ with GUID_NULL provider" has "$log" 'AddToSnapshotSet obj=bc1 volume="C:\" provider={00000000-0000-0000-0000-000000000000}'
check "GetSnapshotProperties asked for the id AddToSnapshotSet returned" has "$log" "GetSnapshotProperties obj=bc1 snapshot={5a000002-0002-4000-8000-000000005a02}"
check "SetBackupSucceeded got succeeded=1 for the root component" has "$log" 'type=2 logicalPath=NULL name="Files" succeeded=1'
check "Query asked for all snapshots (GUID_NULL, NONE, SNAPSHOT)" has "$log" "queried={00000000-0000-0000-0000-000000000000} queriedType=1 returnedType=3"
check "IVssAsync.Wait got the caller's timeout in ms" has "$log" "op=GatherWriterMetadata ms=60000"
check "every VSS_SNAPSHOT_PROP freed (2 from GetSnapshotProperties + 2 from Query)" \
  test "$(grep -c '^CALL VssFreeSnapshotPropertiesInternal' "$log")" -eq 4

leak_checks "$log" "" 10
bstrs_out="$(sed -n 's/.* bstrs-out=\([0-9]*\) .*/\1/p' "$log")"
bstrs_freed="$(sed -n 's/.*"bstrsFreed": \([0-9]*\).*/\1/p' "$out")"
check "every BSTR handed out was freed by the provider ($bstrs_out out, ${bstrs_freed:-?} freed)" test -n "$bstrs_out" -a "$bstrs_out" = "${bstrs_freed:-x}"

check "writer name read from a BSTR with a non-ASCII character" has "$out" '"name": "Stand-in Database Writer \u03A9"'
check "writer ids read back exactly" has "$out" '"writerId": "{b4b2d2f1-1c2e-4d8f-8a3b-6e7f80912345}"'
check "component flags and NULL BSTRs read from VSS_COMPONENTINFO" has "$out" '"caption": null'
check "file descriptor with recursion and alternate location" has "$out" '"alternate": "D:\\Alt\\"'
check "snapshot device and creation time from VSS_SNAPSHOT_PROP" has "$out" '"created": "2026-01-02T03:04:05.0000000\u002B00:00"'
check "snapshot provider id read at offset 88" has "$out" '"providerId": "{b5946137-7b9f-4925-af80-51abd60b20d5}"'
check "context masked out of the snapshot attributes" has "$out" '"context": "Backup"'
check "writer status: state and failure HRESULT" has "$out" '"failure": "0x800423F3"'
check "Query returned both snapshots" test "$(grep -c '"device":' "$out")" -eq 4
check "COM security initialised first (CoInitializeSecurity S_OK under Wine)" has "$out" '"hresult": "0x00000000"'

# ---- run 2: Wine's own vssapi.dll (no stand-in, builtin forced) ----
out2="$work/create-wine.json"
WINEDLLOVERRIDES="vssapi=b" run_driver "$publish" create "$out2"
rc=$?
check "Wine's vssapi: the driver exits 2 with a VssException (got $rc)" test "$rc" -eq 2
check "Wine's vssapi: E_NOTIMPL (0x80004001) reported" has "$out2" '"hresult": "0x80004001"'
check "Wine's vssapi: the message says VSS is not available and what can be used instead" has "$out2" "VSS is not available on this machine (CreateVssBackupComponentsInternal returned E_NOTIMPL, 0x80004001); the simulated provider can be used instead."

# ---- run 3: creation refused for lack of privileges (the stand-in returns E_ACCESSDENIED) ----
log3="$work/standin-denied.log"
out3="$work/create-denied.json"
VSSAPI_STANDIN_CREATE_HR=80070005 VSSAPI_STANDIN_LOG="$(winpath "$log3")" WINEDLLOVERRIDES="vssapi=n" run_driver "$run1" create "$out3"
rc=$?
check "E_ACCESSDENIED: the driver exits 2 (got $rc)" test "$rc" -eq 2
check "E_ACCESSDENIED: advice names Administrators / Backup Operators" has "$out3" "needs Administrators or Backup Operators membership"

# ---- runs 4 and 5: failures inside the sequence (forced by the stand-in) ----
# The provider must turn the HRESULT into a VssException naming the operation, the driver must call
# AbortBackup (failure after StartSnapshotSet, before DoSnapshotSet returned), and every reference and
# BSTR must still be released on the failure path.
failure_run() { # failure_run <label> <Method=hex> <hresult> <operation>
  local label="$1" spec="$2" hr="$3" op="$4"
  local flog="$work/standin-$label.log" fout="$work/backup-$label.json"
  VSSAPI_STANDIN_FAIL="$spec" VSSAPI_STANDIN_LOG="$(winpath "$flog")" WINEDLLOVERRIDES="vssapi=n" run_driver "$run1" backup "$fout"
  local frc=$?
  check "$label: the driver exits 2 with a VssException (got $frc)" test "$frc" -eq 2
  check "$label: $hr reported for $op" grep -qF "\"hresult\": \"$hr\"" "$fout"
  check "$label: the exception names the operation $op" grep -qF "\"operation\": \"$op\"" "$fout"
  check "$label: AbortBackup called, BackupComplete not" sh -c "grep -q 'IVssBackupComponents.AbortBackup' '$flog' && ! grep -q 'IVssBackupComponents.BackupComplete' '$flog'"
  no_lines "$flog" ARG-MISMATCH "$label: no ARG-MISMATCH"
  no_lines "$flog" THREAD-VIOLATION "$label: no THREAD-VIOLATION on the failure path"
  check "$label: no COM object left alive on the failure path" grep -qF " live=0 " "$flog"
  local fout_bstrs ffreed
  fout_bstrs="$(sed -n 's/.* bstrs-out=\([0-9]*\) .*/\1/p' "$flog")"
  ffreed="$(sed -n 's/.*"bstrsFreed": \([0-9]*\).*/\1/p' "$fout")"
  check "$label: every BSTR freed on the failure path ($fout_bstrs out, ${ffreed:-?} freed)" test -n "$fout_bstrs" -a "$fout_bstrs" = "${ffreed:-x}"
  cp "$fout" "$work/last-failure.json"
}
failure_run "DoSnapshotSet fails" "DoSnapshotSet=80042313" "0x80042313" "DoSnapshotSet"
failure_run "AddToSnapshotSet refused" "AddToSnapshotSet=8004230C" "0x8004230C" "AddToSnapshotSet"
check "AddToSnapshotSet refused: the message names the volume" grep -qF '[volume C:\\]' "$work/last-failure.json"

# ---- run 6: the checks the executable run relies on can fail ----
# The driver's thread is an MTA, and its wrong-thread mode calls InitializeForBackup from a second thread:
# with VSSAPI_STANDIN_REQUIRE_STA=1 the stand-in must report both. A check that cannot fire would clear
# the coordinator executable (run 8) without looking.
nlog="$work/standin-wrong-thread.log"
VSSAPI_STANDIN_REQUIRE_STA=1 VSSAPI_STANDIN_LOG="$(winpath "$nlog")" WINEDLLOVERRIDES="vssapi=n" run_driver "$run1" wrong-thread "$work/wrong-thread.txt"
rc=$?
check "wrong thread: the driver exits 0 (got $rc)" test "$rc" -eq 0
check "wrong thread: THREAD-VIOLATION for InitializeForBackup called off the creating thread" \
  grep -q '^THREAD-VIOLATION IVssBackupComponents.InitializeForBackup obj=bc1 ' "$nlog"
check "wrong thread: the calls-per-object report says WRONG-THREAD" grep -q ' WRONG-THREAD$' <(thread_report "$nlog")
check "MTA caller with VSSAPI_STANDIN_REQUIRE_STA=1: APARTMENT-VIOLATION at creation" \
  grep -q '^APARTMENT-VIOLATION CreateVssBackupComponentsInternal obj=bc1 .* apartment=MTA' "$nlog"

# ---- run 7: the provider contract suite against WindowsVssFactory and the stand-in ----
runc="$work/run-contract"
cp -al "$contract_publish" "$runc" 2>/dev/null || cp -a "$contract_publish" "$runc"
cp "$work/standin/vssapi.dll" "$runc/"
clog="$work/standin-contract.log"
cout="$work/contract.txt"
(cd "$runc" && VSSAPI_STANDIN_WRITERS_STABLE=1 VSSAPI_STANDIN_LOG="$(winpath "$clog")" WINEDLLOVERRIDES="vssapi=n" \
   timeout 300 wine ./Coordinator.Vss.WineContract.exe >"$cout" 2>"$cout.err")
rc=$?
grep -E '^(FAIL|SKIP) ' "$cout" || true
contract_line="$(grep '^contract: ' "$cout" || true)"
check "contract suite under Wine: ${contract_line:-no summary} (exit $rc)" \
  sh -c "[ $rc -eq 0 ] && echo '$contract_line' | grep -Eq '^contract: [1-9][0-9]* passed, 0 failed'"
no_lines "$clog" ARG-MISMATCH "contract suite under Wine: no ARG-MISMATCH"
no_lines "$clog" THREAD-VIOLATION "contract suite under Wine: no THREAD-VIOLATION"
check "contract suite under Wine: no COM object left alive, every struct freed" \
  sh -c "grep -q ' live=0 .*component-infos-outstanding=0 snapshot-props-outstanding=0' '$clog'"

# ---- run 8: the coordinator executable ----
# `coordinator backup` with the Windows provider, against the stand-in put beside coordinator.exe: the
# application's directory comes before System32 in the DLL search order (vssapi is not a KnownDLL), and
# WINEDLLOVERRIDES=vssapi=n makes Wine take it over its builtin. The session actor owning a components
# object runs on a pinned STA thread, so with VSSAPI_STANDIN_REQUIRE_STA=1 every call must come from the
# thread that created the object and that thread must be an STA. Writers report stable so the job can
# succeed; the journal goes to the work directory, not beside the executable.
runx="$work/run-coordinator"
cp -al "$coordinator_publish" "$runx" 2>/dev/null || cp -a "$coordinator_publish" "$runx"
cp "$work/standin/vssapi.dll" "$runx/"
xlog="$work/standin-coordinator.log"
xout="$work/coordinator.json"
journal="$work/coordinator-journal.db"
(cd "$runx" && VSSAPI_STANDIN_REQUIRE_STA=1 VSSAPI_STANDIN_WRITERS_STABLE=1 VSSAPI_STANDIN_LOG="$(winpath "$xlog")" \
   WINEDLLOVERRIDES="vssapi=n" timeout 180 wine ./coordinator.exe backup C: D: --provider windows --json \
   --journal "$(winpath "$journal")" >"$xout" 2>"$xout.err")
rc=$?
one_json_succeeded() { # one_json_succeeded <file>: exactly one JSON document, and its status is "succeeded"
  if command -v jq >/dev/null 2>&1; then
    jq -se 'length == 1 and .[0].status == "succeeded"' "$1"
  else
    python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["status"] != "succeeded")' "$1"
  fi
}
check "coordinator backup C: D: --provider windows --json exits 0 (got $rc)" test "$rc" -eq 0
check "coordinator: stdout is exactly one JSON document, status succeeded" one_json_succeeded "$xout"
# JSON is UTF-8 whatever the console's code page: a writer name with a non-ASCII character arrives intact in a pipe.
check "coordinator: the JSON on a pipe is UTF-8 (writer name with a non-ASCII character intact)" grep -q "Stand-in Database Writer Ω" "$xout"
check "coordinator: the stand-in beside coordinator.exe was loaded, with VSSAPI_STANDIN_REQUIRE_STA=1" \
  grep -q '^LOAD vssapi-standin .*require-sta=1' "$xlog"
# The job's components object is the one that took the snapshots: the pre-flight check of the volumes (JobPreflight)
# creates and releases one of its own before it.
xbc="$(grep -o '^CALL IVssBackupComponents.DoSnapshotSet obj=bc[0-9]*' "$xlog" | head -1 | sed 's/.*obj=//')"
check "coordinator: the backup sequence reached the stand-in (create, DoSnapshotSet, BackupComplete, final Release)" \
  sh -c "[ -n '$xbc' ] && grep -q '^CALL CreateVssBackupComponentsInternal -> $xbc' '$xlog' \
         && grep -q '^CALL IVssBackupComponents.BackupComplete obj=$xbc' '$xlog' && grep -q '^REFS $xbc 0 ' '$xlog'"
no_lines "$xlog" THREAD-VIOLATION "coordinator: every call on a components object and what it handed out came from its creating thread (no THREAD-VIOLATION)"
no_lines "$xlog" APARTMENT-VIOLATION "coordinator: every call came from an STA thread (no APARTMENT-VIOLATION)"
check_threads "$xlog" "coordinator: calls per components object" sta
no_lines "$xlog" ARG-MISMATCH "coordinator: no ARG-MISMATCH"
no_lines "$xlog" REFUSED "coordinator: no request VSS would refuse (REFUSED)"
leak_checks "$xlog" "coordinator: " 5
check "coordinator: the journal was written to the work directory" test -s "$journal"

if [ "$failed" -gt 0 ]; then
  for f in "$log" "$out" "$out.err" "$out2" "$out2.err" "$out3" "${cout:-}" "${cout:-x}.err" "$xout" "$xout.err"; do
    [ -f "$f" ] && { echo "---- $f"; cat "$f"; }
  done
  [ -f "${xlog:-}" ] && { echo "---- $xlog (without the ON lines, last 60)"; grep -v '^ON ' "$xlog" | tail -60; }
fi
finish
