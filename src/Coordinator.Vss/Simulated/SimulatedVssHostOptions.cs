namespace Coordinator.Vss.Simulated;

/// <summary>How to build a <see cref="SimulatedVssHost"/>. Every property has a sensible default: two volumes, the default writers.</summary>
public sealed record SimulatedVssHostOptions
{
    /// <summary>The volumes of the machine, with trailing backslash (as AddToSnapshotSet wants them).</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [@"C:\", @"D:\"];

    /// <summary>Volumes that exist but no provider supports (VSS_E_VOLUME_NOT_SUPPORTED); they need not be repeated in <see cref="Volumes"/>.</summary>
    public IReadOnlyList<string> UnsupportedVolumes { get; init; } = [];

    /// <summary>The writers installed on the machine.</summary>
    public IReadOnlyList<SimulatedWriter> Writers { get; init; } = DefaultWriters.Create();

    /// <summary>The host's clock; a fake one lets tests control latency.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How <see cref="IVssAsync.Wait"/> treats time. False (the default with <see cref="System.TimeProvider.System"/>): it blocks
    /// for real until the operation completes or the timeout passes. True (the default with any other clock): it never blocks on
    /// the clock; it answers whether the operation completes within <c>timeout</c> of the clock's current time, completing it
    /// if so, because nobody could advance a fake clock while the only thread waits. Gates block for real in both modes.
    /// </summary>
    public bool? VirtualWait { get; init; }

    /// <summary>When set, persistent snapshots live in this JSON file, rewritten on every change.</summary>
    public string? PersistentStateFile { get; init; }

    /// <summary>The originating machine reported in snapshot properties.</summary>
    public string MachineName { get; init; } = "SIMHOST";
}
