using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Tests.Actions;

public sealed class ExternalProgramRunnerSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coordinator-action-").FullName;

    private static readonly SnapshotMapping Mapping = new(
        Guid.Parse("11111111-2222-3333-4444-555555555555"),
        [
            new VolumeSnapshot("C:\\", Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), @"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1"),
            new VolumeSnapshot("D:\\", Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002"), @"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy2"),
        ]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Runner_passes_arguments_as_a_list_so_nothing_is_spliced_into_a_command_line()
    {
        var output = Path.Combine(_dir, "args.txt");
        var action = new ExternalProgramAction("/bin/sh", ["-c", "printf '%s\\n' \"$@\" > \"$0\"", output, "a b", "c; touch pwned", "$HOME"]);

        await ExternalProgramRunner.RunAsync(action, Mapping, CancellationToken.None);

        Assert.Equal(["a b", "c; touch pwned", "$HOME"], await File.ReadAllLinesAsync(output));
        Assert.False(File.Exists(Path.Combine(_dir, "pwned")));
    }

    [Fact]
    public async Task Runner_gives_the_mapping_as_environment_variables_and_a_json_file()
    {
        var output = Path.Combine(_dir, "env.txt");
        // printf, not echo: dash's echo would interpret the backslashes of device paths.
        var script = "{ printf '%s\\n' \"$SHADOW_SET_ID\" \"$SHADOW_COUNT\" \"$SHADOW_ID_2\" \"$SHADOW_DEVICE_1\" \"$SHADOW_VOLUME_2\"; cat \"$SHADOW_MAPPING_FILE\"; } > \"$0\"";
        var action = new ExternalProgramAction("/bin/sh", ["-c", script, output]);

        await ExternalProgramRunner.RunAsync(action, Mapping, CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("{11111111-2222-3333-4444-555555555555}", lines[0]);
        Assert.Equal("2", lines[1]);
        Assert.Equal("{aaaaaaaa-0000-0000-0000-000000000002}", lines[2]);
        Assert.Equal(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1", lines[3]);
        Assert.Equal("D:\\", lines[4]);
        var json = string.Join('\n', lines.Skip(5));
        Assert.Contains("\"snapshotSetId\": \"11111111-2222-3333-4444-555555555555\"", json);
        Assert.Contains("HarddiskVolumeShadowCopy2", json);
    }

    [Fact]
    public async Task Runner_reports_a_non_zero_exit_with_its_code_and_stderr_tail()
    {
        var action = new ExternalProgramAction("/bin/sh", ["-c", "echo starting; echo 'disk full on target' >&2; exit 7"]);

        var ex = await Assert.ThrowsAsync<BackupActionFailedException>(() => ExternalProgramRunner.RunAsync(action, Mapping, CancellationToken.None));

        Assert.Equal(7, ex.ExitCode);
        Assert.Equal("disk full on target", ex.StderrTail);
        Assert.Contains("exited with code 7", ex.Message);
    }

    [Fact]
    public async Task A_20_MB_stderr_line_becomes_a_few_KiB_of_error_saying_how_much_was_cut()
    {
        // One 20,000,000-byte line with no line break, then a short one: the long one must be cut, not kept.
        var action = new ExternalProgramAction("/bin/sh", ["-c", "head -c 20000000 /dev/zero | tr '\\0' x >&2; echo >&2; echo 'last words' >&2; exit 3"]);

        var ex = await Assert.ThrowsAsync<BackupActionFailedException>(() => ExternalProgramRunner.RunAsync(action, Mapping, CancellationToken.None));

        Assert.Equal(3, ex.ExitCode);
        Assert.True(ex.Message.Length < 8 * 1024, $"the message is {ex.Message.Length} characters long");
        Assert.Contains($"… ({20_000_000 - 1024} bytes cut)", ex.StderrTail);
        Assert.EndsWith("\nlast words", ex.StderrTail);
    }

    [Fact]
    public void The_stderr_tail_keeps_the_last_lines_within_its_byte_budget()
    {
        var tail = new StderrTail(maxLines: 3, maxLineBytes: 10, maxTotalBytes: 25);
        // Split mid-line and mid-CRLF: the tail must not depend on how the pipe delivers the bytes.
        foreach (var part in new[] { "one\r\ntwo\nthree-is-much-too-lo", "ng\nfour\nfive\r", "\nsix" })
        {
            tail.Append(System.Text.Encoding.UTF8.GetBytes(part));
        }
        tail.Complete();

        Assert.Equal("… (3 earlier line(s) cut)\nfour\nfive\nsix", tail.ToString());

        var budget = new StderrTail(maxLines: 20, maxLineBytes: 10, maxTotalBytes: 25);
        budget.Append(System.Text.Encoding.UTF8.GetBytes("aaaaaaaaaaaaaaa\nbbbbbbbbbb\ncccccccccc\ndd"));
        budget.Complete();
        Assert.Equal("… (1 earlier line(s) cut)\nbbbbbbbbbb\ncccccccccc\ndd", budget.ToString());
    }

    [Fact]
    public void A_missing_program_is_bad_input_naming_the_action_program_field()
    {
        var ex = Assert.Throws<JobValidationException>(() => ProgramLocator.ResolveOrThrow(Path.Combine(_dir, "no-such-program")));

        Assert.Contains("does not exist", ex.Message);
        Assert.Equal(JobField.ActionProgram, ex.Field);
        Assert.Contains("not found on PATH", Assert.Throws<JobValidationException>(() => ProgramLocator.ResolveOrThrow("no-such-program-on-path-xyz")).Message);
    }

    [Fact]
    public async Task Runner_kills_the_program_when_cancelled()
    {
        var pidFile = Path.Combine(_dir, "pid");
        var action = new ExternalProgramAction("/bin/sh", ["-c", "echo $$ > \"$0\"; exec sleep 600", pidFile]);
        using var cts = new CancellationTokenSource();

        var run = ExternalProgramRunner.RunAsync(action, Mapping, cts.Token);
        await WaitUntilAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "), "the program is still running after cancellation");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
