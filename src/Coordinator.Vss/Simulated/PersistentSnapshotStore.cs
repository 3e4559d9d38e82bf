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

    /// <summary>A state file larger than this is not one we wrote (a million snapshots take about 400 MB less).</summary>
    private const int MaxBytes = 64 * 1024 * 1024;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// Checks, before any job, that the file can hold the state: a regular file or none yet, in a directory where the
    /// temp file of <see cref="Save"/> can be made. Otherwise the first persistent snapshot would fail mid-job.
    /// </summary>
    /// <exception cref="PersistentStateFileException">Says what is wrong and what to do.</exception>
    public void CheckUsable()
    {
        if (Directory.Exists(Path))
        {
            throw new PersistentStateFileException(Path, "it is a directory: name a file in it");
        }
        if (File.Exists(Path) && !FileKind.IsRegularFile(Path))
        {
            throw new PersistentStateFileException(Path, "it is not a regular file (a device, pipe or socket): name a file in a writable directory");
        }
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var probe = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.probe");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PersistentStateFileException(Path, $"its directory cannot be written ({e.Message}): name a file in a writable directory", e);
        }
    }

    /// <summary>The stored state, or an empty one when the file does not exist yet.</summary>
    public PersistentHostState Load()
    {
        if (!File.Exists(Path))
        {
            return new PersistentHostState(1, []);
        }
        try
        {
            // Read with a bound: whatever passed the check, a file that never ends must not take all memory.
            using var stream = File.OpenRead(Path);
            using var content = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (content.Length + read > MaxBytes)
                {
                    throw new InvalidDataException($"the file is larger than {MaxBytes / (1024 * 1024)} MiB");
                }
                content.Write(chunk, 0, read);
            }
            return JsonSerializer.Deserialize<PersistentHostState>(content.GetBuffer().AsSpan(0, (int)content.Length), s_json)
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
