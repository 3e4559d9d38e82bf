using System.Text.Json;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Actions;

/// <summary>
/// How an external action learns the snapshot mapping: environment variables named like VShadow's -script output
/// (SHADOW_SET_ID, SHADOW_ID_n, SHADOW_DEVICE_n, plus SHADOW_VOLUME_n and SHADOW_COUNT), and a JSON file whose
/// path is in SHADOW_MAPPING_FILE.
/// </summary>
internal static class SnapshotEnvironment
{
    public static IReadOnlyDictionary<string, string> Variables(SnapshotMapping mapping, string mappingFile)
    {
        var variables = new Dictionary<string, string>
        {
            ["SHADOW_SET_ID"] = mapping.SnapshotSetId.ToString("B"),
            ["SHADOW_COUNT"] = mapping.Volumes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SHADOW_MAPPING_FILE"] = mappingFile,
        };
        for (var i = 0; i < mapping.Volumes.Count; i++)
        {
            var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            variables["SHADOW_ID_" + n] = mapping.Volumes[i].SnapshotId.ToString("B");
            variables["SHADOW_DEVICE_" + n] = mapping.Volumes[i].DeviceObject;
            variables["SHADOW_VOLUME_" + n] = mapping.Volumes[i].Volume;
        }
        return variables;
    }

    public static string ToJson(SnapshotMapping mapping) =>
        JsonSerializer.Serialize(
            new
            {
                snapshotSetId = mapping.SnapshotSetId,
                volumes = mapping.Volumes.Select(v => new { volume = v.Volume, snapshotId = v.SnapshotId, deviceObject = v.DeviceObject }),
            },
            new JsonSerializerOptions { WriteIndented = true });
}
