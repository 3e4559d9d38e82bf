namespace Coordinator.Vss;

/// <summary>Documented limits of VSS that requesters plan around.</summary>
public static class VssLimits
{
    /// <summary>Volumes in one snapshot set; AddToSnapshotSet beyond it fails with VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED.</summary>
    public const int MaxVolumesPerSnapshotSet = 64;
}
