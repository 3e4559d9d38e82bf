#!/usr/bin/env bash
# Generates the API client that tests/Coordinator.ApiClient.Tests drives, from the checked-in contract
# (docs/openapi.json), with the Kiota version pinned in .config/dotnet-tools.json. Run it after the contract changes
# (docs/api.md); a test fails while the checked-in client differs from what this writes.
# Usage: tools/generate-client.sh [OUTPUT_DIR]   (default tests/Coordinator.ApiClient.Tests/Generated)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-tests/Coordinator.ApiClient.Tests/Generated}
export KIOTA_CLI_TELEMETRY_OPTOUT=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
# --log-level Error: Kiota's update check fails without internet access and would print a stack trace as a warning.
dotnet kiota generate --openapi docs/openapi.json --language CSharp --output "$out" \
  --class-name CoordinatorApiClient --namespace-name Coordinator.ApiClient \
  --exclude-backward-compatible --clean-output --log-level Error
rm -f "$out/.kiota.log"
