using System.Globalization;
using System.Text.Json;

namespace Coordinator.Vss.Simulated;

/// <summary>
/// Reads a scenario (JSON) into a <see cref="Scenario"/>. The shape (every property optional):
/// <code>
/// {
///   "volumes": ["C:\\", "D:\\", "E:\\"], "unsupportedVolumes": ["E:\\"], "machineName": "SIMHOST",
///   "persistentStateFile": "sim-host.json",               // relative to the scenario file
///   "latencyMs": { "GatherWriterMetadata": 40, "DoSnapshotSet": 120 }, "latencyScale": 1.0,  // at most one day; 0 to 1000
///   "faults": [ { "call": "GatherWriterMetadata", "hresult": "VSS_E_WRITER_INFRASTRUCTURE", "times": 2,
///                 "afterCall": "BackupComplete", "where": "call" | "async" | "default" } ],
///   "writerFaults": [ { "writer": "SqlServerWriter", "phase": "Freeze", "state": "VSS_WS_FAILED_AT_FREEZE",
///                       "hresult": "VSS_E_WRITERERROR_RETRYABLE", "times": 1 } ],
///   "writers": [ { "name": "MyWriter", "classId": "...", "instanceId": "...", "instanceName": "...", "usage": "UserData",
///                  "source": "TransactedDb", "components": [ { "logicalPath": null, "name": "db", "type": "Database",
///                  "selectable": true, "files": [ { "path": "D:\\data", "filespec": "*.mdf", "recursive": false } ],
///                  "databaseFiles": [], "logFiles": [] } ], "excludeFiles": [] } ]     // replaces the default writers
/// }
/// </code>
/// HRESULTs are given by catalogue name or as hex; <c>times</c> defaults to 1; <c>where</c> "create" is accepted as a synonym
/// of "call" (the failure is the method's immediate return). Unknown properties are errors, so a typo never silently disables
/// a fault. Every error is a <see cref="ScenarioException"/> with the JSON path and what was expected.
/// </summary>
public static class ScenarioParser
{
    private const string HResultExpectation = "an HRESULT name like VSS_E_BAD_STATE or hex like 0x80042301";

    public static Scenario ParseFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, "$", "a readable scenario file", null, e);
        }
        return Parse(json, Path.GetDirectoryName(Path.GetFullPath(path)), path);
    }

    /// <param name="baseDirectory">Resolves a relative persistentStateFile; the current directory when null.</param>
    /// <param name="source">The file name for messages.</param>
    public static Scenario Parse(string json, string? baseDirectory = null, string? source = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"valid JSON (error at line {line + 1}, byte {e.BytePositionInLine + 1}: {e.Message})" : $"valid JSON ({e.Message})";
            throw new ScenarioException(source, "$", where, null, e);
        }
        using (document)
        {
            return new Reader(source, baseDirectory ?? Directory.GetCurrentDirectory()).ReadScenario(document.RootElement);
        }
    }

    private sealed class Reader(string? source, string baseDirectory)
    {
        public Scenario ReadScenario(JsonElement root)
        {
            RequireObject(root, "$", "volumes", "unsupportedVolumes", "persistentStateFile", "machineName", "latencyMs", "latencyScale",
                "faults", "writerFaults", "writers");
            var scenario = new Scenario();
            if (Optional(root, "volumes") is { } volumes)
            {
                scenario = scenario with { Volumes = Volumes(volumes, "$.volumes") };
            }
            if (Optional(root, "unsupportedVolumes") is { } unsupported)
            {
                scenario = scenario with { UnsupportedVolumes = Volumes(unsupported, "$.unsupportedVolumes") };
            }
            if (Optional(root, "persistentStateFile") is { } stateFile)
            {
                var file = String(stateFile, "$.persistentStateFile", "a file name such as \"sim-host.json\"");
                scenario = scenario with { PersistentStateFile = Path.GetFullPath(Path.Combine(baseDirectory, file)) };
            }
            if (Optional(root, "machineName") is { } machine)
            {
                scenario = scenario with { MachineName = String(machine, "$.machineName", "a machine name") };
            }
            if (Optional(root, "latencyMs") is { } latency)
            {
                scenario = scenario with { Latency = Latencies(latency, "$.latencyMs") };
            }
            if (Optional(root, "latencyScale") is { } scale)
            {
                const string expected = "a number from 0 to 1000";
                var value = Number(scale, "$.latencyScale", expected);
                scenario = scenario with { LatencyScale = value is >= 0 and <= LatencyModel.MaxScale ? value : throw Error("$.latencyScale", expected, scale) };
            }
            if (Optional(root, "faults") is { } faults)
            {
                scenario = scenario with { Faults = Array(faults, "$.faults", CallFault) };
            }
            if (Optional(root, "writerFaults") is { } writerFaults)
            {
                scenario = scenario with { WriterFaults = Array(writerFaults, "$.writerFaults", WriterFault) };
            }
            if (Optional(root, "writers") is { } writers)
            {
                scenario = scenario with { Writers = Array(writers, "$.writers", Writer) };
            }
            return scenario;
        }

        private CallFault CallFault(JsonElement e, string path)
        {
            RequireObject(e, path, "call", "hresult", "times", "afterCall", "where");
            var call = CallName(Required(e, "call", path), path + ".call");
            var hresult = FailureHResult(Required(e, "hresult", path), path + ".hresult");
            var times = Optional(e, "times") is { } t ? Times(t, path + ".times") : 1;
            var afterCall = Optional(e, "afterCall") is { ValueKind: not JsonValueKind.Null } a ? CallName(a, path + ".afterCall") : null;
            var where = FaultSite.Default;
            if (Optional(e, "where") is { } w)
            {
                const string expected = "\"call\" (alias \"create\": the method's immediate return), \"async\" (QueryStatus) or \"default\"";
                where = (w.ValueKind == JsonValueKind.String ? w.GetString()!.ToLowerInvariant() : null) switch
                {
                    "call" or "create" => FaultSite.Call,
                    "async" => FaultSite.Async,
                    "default" => FaultSite.Default,
                    _ => throw Error(path + ".where", expected, w),
                };
                if (where == FaultSite.Async && !VssCallNames.Asynchronous.Contains(call))
                {
                    throw Error(path + ".where", $"\"call\" or \"default\": {call} is synchronous, only {string.Join(", ", VssCallNames.Asynchronous)} have an async result", w);
                }
            }
            return new CallFault(call, hresult, times, afterCall, where);
        }

        private WriterFault WriterFault(JsonElement e, string path)
        {
            RequireObject(e, path, "writer", "phase", "state", "hresult", "times");
            var writer = String(Required(e, "writer", path), path + ".writer", "a writer name (e.g. SqlServerWriter), class id or instance id");
            var phaseElement = Required(e, "phase", path);
            var phaseNames = string.Join(", ", System.Enum.GetNames<WriterPhase>());
            var phase = phaseElement.ValueKind == JsonValueKind.String && System.Enum.TryParse<WriterPhase>(phaseElement.GetString(), ignoreCase: true, out var p)
                && System.Enum.IsDefined(p) && !int.TryParse(phaseElement.GetString(), out _)
                ? p
                : throw Error(path + ".phase", $"a writer phase: one of {phaseNames}", phaseElement);
            var hresult = FailureHResult(Required(e, "hresult", path), path + ".hresult");
            var times = Optional(e, "times") is { } t ? Times(t, path + ".times") : 1;
            VssWriterState? state = null;
            if (Optional(e, "state") is { } s)
            {
                state = WriterState(s, path + ".state");
                if (!state.Value.IsFailed())
                {
                    throw Error(path + ".state", "a failure state VSS_WS_FAILED_AT_* (a writer fault must leave the writer failed)", s);
                }
            }
            return new WriterFault(writer, phase, hresult, times, state);
        }

        private SimulatedWriter Writer(JsonElement e, string path)
        {
            RequireObject(e, path, "name", "classId", "instanceId", "instanceName", "usage", "source", "components", "excludeFiles");
            var name = String(Required(e, "name", path), path + ".name", "the writer's name");
            var classId = Guid(Required(e, "classId", path), path + ".classId");
            var instanceId = Guid(Required(e, "instanceId", path), path + ".instanceId");
            var instanceName = Optional(e, "instanceName") is { } i ? String(i, path + ".instanceName", "an instance name") : null;
            var usage = Optional(e, "usage") is { } u ? EnumValue<VssUsageType>(u, path + ".usage") : VssUsageType.UserData;
            var sourceType = Optional(e, "source") is { } s ? EnumValue<VssSourceType>(s, path + ".source") : VssSourceType.Other;
            var components = Optional(e, "components") is { } c ? Array(c, path + ".components", Component) : [];
            var exclude = Optional(e, "excludeFiles") is { } x ? Array(x, path + ".excludeFiles", File) : [];
            return new SimulatedWriter(classId, instanceId, name, instanceName, usage, sourceType, components, exclude);
        }

        private VssWMComponent Component(JsonElement e, string path)
        {
            RequireObject(e, path, "logicalPath", "name", "caption", "type", "selectable", "files", "databaseFiles", "logFiles");
            var logicalPath = Optional(e, "logicalPath") is { ValueKind: not JsonValueKind.Null } l ? String(l, path + ".logicalPath", "a logical path or null") : null;
            var name = String(Required(e, "name", path), path + ".name", "the component's name");
            var caption = Optional(e, "caption") is { } c ? String(c, path + ".caption", "a caption") : null;
            var type = Optional(e, "type") is { } t ? EnumValue<VssComponentType>(t, path + ".type") : VssComponentType.FileGroup;
            var selectable = Optional(e, "selectable") is { } s ? Bool(s, path + ".selectable") : true;
            var files = Optional(e, "files") is { } f ? Array(f, path + ".files", File) : [];
            var databaseFiles = Optional(e, "databaseFiles") is { } d ? Array(d, path + ".databaseFiles", File) : [];
            var logFiles = Optional(e, "logFiles") is { } lf ? Array(lf, path + ".logFiles", File) : [];
            return new VssWMComponent(type, logicalPath, name, caption, selectable, files, databaseFiles, logFiles);
        }

        private VssWMFileDescriptor File(JsonElement e, string path)
        {
            RequireObject(e, path, "path", "filespec", "recursive");
            return new VssWMFileDescriptor(
                String(Required(e, "path", path), path + ".path", "a folder such as \"D:\\\\SQLData\""),
                String(Required(e, "filespec", path), path + ".filespec", "a file specification such as \"*.mdf\""),
                Optional(e, "recursive") is { } r && Bool(r, path + ".recursive"));
        }

        private IReadOnlyDictionary<string, TimeSpan> Latencies(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "an object mapping operation names to milliseconds, e.g. { \"DoSnapshotSet\": 120 }", e);
            }
            var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            foreach (var property in e.EnumerateObject())
            {
                var itemPath = $"{path}.{property.Name}";
                if (!VssCallNames.Asynchronous.Contains(property.Name))
                {
                    throw Error(itemPath, $"an asynchronous operation name: one of {string.Join(", ", VssCallNames.Asynchronous)}", property.Name);
                }
                const string expected = "a number of milliseconds from 0 to 86400000 (one day)";
                var ms = Number(property.Value, itemPath, expected);
                result[property.Name] = ms >= 0 && ms <= LatencyModel.MaxLatency.TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : throw Error(itemPath, expected, property.Value);
            }
            return result;
        }

        private IReadOnlyList<string> Volumes(JsonElement e, string path) => Array(e, path, (item, itemPath) =>
        {
            var volume = String(item, itemPath, "a volume name with trailing backslash, e.g. \"C:\\\\\"");
            return volume.EndsWith('\\') ? volume : throw Error(itemPath, "a volume name with trailing backslash, e.g. \"C:\\\\\"", item);
        });

        private string CallName(JsonElement e, string path)
        {
            var expected = $"a call name: one of {string.Join(", ", VssCallNames.All.Order(StringComparer.Ordinal))}";
            return e.ValueKind == JsonValueKind.String && VssCallNames.All.Contains(e.GetString()!) ? e.GetString()! : throw Error(path, expected, e);
        }

        private int FailureHResult(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.String || !VssErrorCatalog.TryParse(e.GetString()!, out var hresult))
            {
                throw Error(path, HResultExpectation, e);
            }
            return hresult < 0 ? hresult : throw Error(path, "a failure HRESULT (S_OK and the VSS_S_* codes are successes, not faults)", e);
        }

        private int Times(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) && n >= 1 ? n : throw Error(path, "a whole number of attempts >= 1", e);

        private VssWriterState WriterState(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                var text = e.GetString()!;
                foreach (var state in System.Enum.GetValues<VssWriterState>())
                {
                    if (string.Equals(state.ToVssName(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(state.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    {
                        return state;
                    }
                }
            }
            throw Error(path, "a writer state name like VSS_WS_FAILED_AT_FREEZE (or FailedAtFreeze)", e);
        }

        private T EnumValue<T>(JsonElement e, string path) where T : struct, System.Enum =>
            e.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(e.GetString(), ignoreCase: true, out var value)
                && System.Enum.IsDefined(value) && !int.TryParse(e.GetString(), out _)
                ? value
                : throw Error(path, $"one of {string.Join(", ", System.Enum.GetNames<T>())}", e);

        private Guid Guid(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.String && System.Guid.TryParse(e.GetString(), out var id) ? id : throw Error(path, "a GUID like \"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\"", e);

        private bool Bool(JsonElement e, string path) => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path, "true or false", e),
        };

        private double Number(JsonElement e, string path, string expected) =>
            e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Error(path, expected, e);

        private string String(JsonElement e, string path, string expected) =>
            e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString()! : throw Error(path, expected, e);

        private IReadOnlyList<T> Array<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, "an array", e);
            }
            return [.. e.EnumerateArray().Select((element, index) => item(element, $"{path}[{index}]"))];
        }

        private void RequireObject(JsonElement e, string path, params string[] allowed)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "an object", e);
            }
            foreach (var property in e.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error($"{path}.{property.Name}", $"no such property here; known properties: {string.Join(", ", allowed)}", property.Value);
                }
            }
        }

        private JsonElement Required(JsonElement e, string name, string path) =>
            e.TryGetProperty(name, out var value) ? value : throw new ScenarioException(source, $"{path}.{name}", RequiredExpectation(name), null);

        private static JsonElement? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value : null;

        private static string RequiredExpectation(string name) => name switch
        {
            "hresult" => HResultExpectation + " (required)",
            _ => $"property \"{name}\" (required)",
        };

        private ScenarioException Error(string path, string expected, JsonElement found) => new(source, path, expected, Shorten(found.GetRawText()));

        private ScenarioException Error(string path, string expected, string found) => new(source, path, expected, JsonSerializer.Serialize(found));

        private static string Shorten(string raw) => raw.Length <= 80 ? raw : raw[..77] + "...";
    }
}
