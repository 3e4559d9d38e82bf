using System.Text.Json;

namespace Coordinator.Vss.WineDriver;

/// <summary>Writes the port's records as JSON by hand: no reflection, so the published driver is trim-safe.</summary>
internal static class JsonOut
{
    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    public static void Error(Utf8JsonWriter json, VssException e)
    {
        json.WriteStartObject("error");
        json.WriteString("hresult", e.HResultHex);
        json.WriteString("name", e.ErrorName);
        json.WriteString("operation", e.Operation);
        json.WriteString("message", e.Message);
        json.WriteEndObject();
    }

    public static void Writers(Utf8JsonWriter json, IReadOnlyList<VssWriterMetadata> writers)
    {
        json.WriteStartArray("writers");
        foreach (var w in writers)
        {
            json.WriteStartObject();
            json.WriteString("writerId", w.WriterId.ToString("B"));
            json.WriteString("instanceId", w.InstanceId.ToString("B"));
            json.WriteString("name", w.WriterName);
            json.WriteString("usage", w.Usage.ToString());
            json.WriteString("source", w.Source.ToString());
            json.WriteStartArray("components");
            foreach (var c in w.Components)
            {
                json.WriteStartObject();
                json.WriteString("type", c.Type.ToString());
                json.WriteString("logicalPath", c.LogicalPath);
                json.WriteString("name", c.ComponentName);
                json.WriteString("caption", c.Caption);
                json.WriteBoolean("selectable", c.IsSelectable);
                Files(json, "files", c.Files);
                Files(json, "databaseFiles", c.DatabaseFiles);
                Files(json, "databaseLogFiles", c.DatabaseLogFiles);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Files(json, "excludeFiles", w.ExcludeFiles);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void Snapshots(Utf8JsonWriter json, string name, IEnumerable<VssSnapshotProperties> snapshots)
    {
        json.WriteStartArray(name);
        foreach (var s in snapshots)
        {
            json.WriteStartObject();
            json.WriteString("snapshotId", s.SnapshotId.ToString("B"));
            json.WriteString("snapshotSetId", s.SnapshotSetId.ToString("B"));
            json.WriteNumber("snapshotsCount", s.SnapshotsCount);
            json.WriteString("device", s.SnapshotDeviceObject);
            json.WriteString("originalVolume", s.OriginalVolumeName);
            json.WriteString("machine", s.OriginatingMachine);
            json.WriteString("created", s.CreationTimestamp.ToString("O"));
            json.WriteString("providerId", s.ProviderId.ToString("B"));
            json.WriteString("context", s.Context.ToString());
            json.WriteBoolean("persistent", s.Persistent);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void Status(Utf8JsonWriter json, IReadOnlyList<VssWriterStatusInfo> status)
    {
        json.WriteStartArray("writerStatus");
        foreach (var s in status)
        {
            json.WriteStartObject();
            json.WriteString("instanceId", s.InstanceId.ToString("B"));
            json.WriteString("classId", s.ClassId.ToString("B"));
            json.WriteString("name", s.Name);
            json.WriteString("state", s.State.ToString());
            json.WriteString("failure", VssErrorCatalog.ToHex(s.Failure));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Files(Utf8JsonWriter json, string name, IEnumerable<VssWMFileDescriptor> files)
    {
        json.WriteStartArray(name);
        foreach (var f in files)
        {
            json.WriteStartObject();
            json.WriteString("path", f.Path);
            json.WriteString("spec", f.FileSpecification);
            json.WriteBoolean("recursive", f.IsRecursive);
            json.WriteString("alternate", f.AlternateLocation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
