using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordinator.Vss.Simulated;

/// <summary>
/// Keeps the host's persistent snapshots in a JSON file, rewritten on every change (temp file + rename, so a reader or a
/// process killed mid-write never sees half a file). A process killed with SIGKILL therefore leaves its persistent snapshots
/// behind exactly as Windows would, and a new host loading the file sees them. Non-persistent snapshots are not stored: on
/// Windows they die with the requester process.
/// </summary>
public sealed class PersistentSnapshotStore(string path)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The stored state, or an empty one when the file does not exist yet.</summary>
    public PersistentHostState Load()
    {
        if (!File.Exists(Path))
        {
            return new PersistentHostState(1, []);
        }
        try
        {
            return JsonSerializer.Deserialize<PersistentHostState>(File.ReadAllText(Path), s_json)
                ?? throw new InvalidDataException("the file holds JSON null");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException(
                $"the simulated host's state file '{Path}' is not valid ({e.Message}); delete it to start with no persistent snapshots", e);
        }
    }

    public void Save(PersistentHostState state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(state, s_json));
        File.Move(temp, Path, overwrite: true);
    }
}

/// <summary>What the state file holds: the next shadow-copy device number and the persistent snapshots.</summary>
public sealed record PersistentHostState(int NextShadowCopyNumber, IReadOnlyList<VssSnapshotProperties> Snapshots);
