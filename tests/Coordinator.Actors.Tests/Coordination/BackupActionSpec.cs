using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class BackupActionSpec : CoordinatorSpec
{
    [Fact]
    public async Task Failing_program_marks_components_failed_still_completes_and_fails_the_job_with_exit_code_and_stderr()
    {
        var job = Job("C:\\", "D:\\") with { Action = new ExternalProgramAction("/bin/sh", ["-c", "echo \"reading $SHADOW_DEVICE_1\"; echo 'cannot reach backup target' >&2; exit 4"]) };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Action, result.Error!.Kind);
        Assert.Equal(4, result.Error.ExitCode);
        Assert.Contains("cannot reach backup target", result.Error.Message);
        var calls = Recorder.Objects.Single().Calls;
        Assert.Contains("SetBackupSucceeded(false)", calls);
        Assert.DoesNotContain("SetBackupSucceeded(true)", calls);
        Assert.Contains("BackupComplete", calls);
        Assert.All(result.Components.Where(c => c.Selected), c => Assert.False(c.Succeeded));
        AssertCleanHost();
    }

    [Fact]
    public async Task Succeeding_program_sees_the_snapshots_and_the_job_succeeds()
    {
        var output = Path.Combine(Path.GetTempPath(), $"coordinator-{Guid.NewGuid():N}.txt");
        try
        {
            var job = Job("C:\\", "D:\\") with { Action = new ExternalProgramAction("/bin/sh", ["-c", "printf '%s\\n' \"$SHADOW_SET_ID\" \"$SHADOW_DEVICE_2\" > \"$0\"", output]) };

            var result = await RunAsync(job);

            Assert.Equal(JobStatus.Succeeded, result.Status);
            var lines = await File.ReadAllLinesAsync(output);
            Assert.Equal(result.SnapshotSetId!.Value.ToString("B"), lines[0]);
            Assert.Equal(result.Volumes[1].DeviceObject, lines[1]);
        }
        finally
        {
            File.Delete(output);
        }
        AssertCleanHost();
    }
}
