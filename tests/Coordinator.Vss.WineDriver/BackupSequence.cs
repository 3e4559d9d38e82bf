using System.Runtime.Versioning;
using System.Text.Json;
using Coordinator.Vss.Windows;

namespace Coordinator.Vss.WineDriver;

/// <summary>
/// The requester sequence (docs/vss-reference.md#requester-sequence), step by step on one thread, through the port only. Every
/// value the provider hands back is printed, so the Wine test can compare it with what the stand-in
/// vssapi.dll handed out.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class BackupSequence
{
    private static readonly TimeSpan AsyncTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Volumes = ["C:\\", "D:\\"];

    public static int Run(string mode)
    {
        using var stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("mode", mode);
        var exitCode = 0;
        try
        {
            // First thing, before anything uses COM (docs/vss-reference.md#com-security-and-privileges).
            var security = ComSecurity.Initialize();
            json.WriteStartObject("comSecurity");
            json.WriteString("hresult", VssErrorCatalog.ToHex(security.HResult));
            json.WriteString("message", security.Message);
            json.WriteEndObject();
            JsonOut.Strings(json, "preflight", WindowsPreflight.Check());

            var factory = new WindowsVssFactory();
            json.WriteString("provider", factory.ProviderName);
            using (var components = factory.CreateVssBackupComponents())
            {
                json.WriteBoolean("created", true);
                if (mode == "backup")
                {
                    RunBackup(components, json);
                }
            }
            json.WriteBoolean("disposed", true);
        }
        catch (VssException e)
        {
            // Close whatever object the failure interrupted, so "error" sits at the top level.
            while (json.CurrentDepth > 1)
            {
                json.WriteEndObject();
            }
            JsonOut.Error(json, e);
            exitCode = 2;
        }
        json.WriteNumber("bstrsFreed", WindowsVssDiagnostics.BstrsFreed);
        json.WriteEndObject();
        json.Flush();
        stdout.WriteByte((byte)'\n');
        return exitCode;
    }

    private static void RunBackup(IVssBackupComponents components, Utf8JsonWriter json)
    {
        var progress = new Progress();
        try
        {
            RunSteps(components, json, progress);
        }
        catch (VssException) when (progress.NeedsAbort)
        {
            // docs/vss-reference.md#failure-rules: a backup that ends after StartSnapshotSet and before
            // DoSnapshotSet returns must call AbortBackup. The original failure is what gets reported.
            try
            {
                components.AbortBackup();
            }
            catch (VssException abortError)
            {
                // The original failure is the one to report; AbortBackup's own goes to stderr.
                Console.Error.WriteLine($"AbortBackup after a failure also failed: {abortError.Message}");
            }
            throw;
        }
    }

    private sealed class Progress
    {
        public bool SnapshotSetStarted { get; set; }

        public bool SnapshotSetDone { get; set; }

        public bool NeedsAbort => SnapshotSetStarted && !SnapshotSetDone;
    }

    private static void RunSteps(IVssBackupComponents components, Utf8JsonWriter json, Progress progress)
    {
        components.InitializeForBackup();
        components.SetContext(VssSnapshotContext.Backup);
        components.SetBackupState(selectComponents: true, backupBootableSystemState: false, VssBackupType.Full, partialFileSupport: false);

        json.WriteStartObject("async");
        Complete(components.GatherWriterMetadata(), "GatherWriterMetadata", json);
        var writers = components.WriterMetadata;
        components.FreeWriterMetadata();

        var selected = writers.SelectMany(w => w.Components.Select(c => (Writer: w, Component: c))).ToList();
        foreach (var (writer, component) in selected)
        {
            components.AddComponent(writer.InstanceId, writer.WriterId, component.Type, component.LogicalPath, component.ComponentName);
        }

        var setId = components.StartSnapshotSet();
        progress.SnapshotSetStarted = true;
        var snapshotIds = Volumes.Select(v => components.AddToSnapshotSet(v)).ToList();
        Complete(components.PrepareForBackup(), "PrepareForBackup", json);
        Complete(components.DoSnapshotSet(), "DoSnapshotSet", json);
        progress.SnapshotSetDone = true;
        var snapshots = snapshotIds.Select(components.GetSnapshotProperties).ToList();

        // The backup itself would read from the snapshot devices here.
        foreach (var (writer, component) in selected)
        {
            components.SetBackupSucceeded(writer.InstanceId, writer.WriterId, component.Type, component.LogicalPath, component.ComponentName, succeeded: true);
        }
        Complete(components.BackupComplete(), "BackupComplete", json);
        Complete(components.GatherWriterStatus(), "GatherWriterStatus", json);
        json.WriteEndObject();
        var status = components.WriterStatus;
        components.FreeWriterStatus();
        var query = components.QuerySnapshots();

        JsonOut.Writers(json, writers);
        json.WriteString("snapshotSetId", setId.ToString("B"));
        JsonOut.Snapshots(json, "snapshots", snapshots);
        JsonOut.Status(json, status);
        JsonOut.Snapshots(json, "query", query);
    }

    /// <summary>Waits, then reads the status: Wait succeeding says nothing about the outcome.</summary>
    private static void Complete(IVssAsync operation, string name, Utf8JsonWriter json)
    {
        using (operation)
        {
            if (!operation.Wait(AsyncTimeout))
            {
                operation.Cancel();
                throw VssException.Create(HResults.VSS_E_UNEXPECTED, name, detail: $"still pending after {AsyncTimeout.TotalSeconds} s; cancelled");
            }
            var status = operation.QueryStatus();
            json.WriteString(name, VssErrorCatalog.ToHex(status));
            if (status != HResults.VSS_S_ASYNC_FINISHED)
            {
                throw VssException.Create(status, name);
            }
        }
    }
}
