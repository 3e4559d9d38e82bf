using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class JobValidationSpec : CoordinatorSpec
{
    public JobValidationSpec()
        : base(new SimulatedVssHostOptions { Volumes = ["C:\\", "D:\\", "E:\\"], UnsupportedVolumes = ["E:\\"] })
    {
    }

    [Fact]
    public void Duplicate_volume_is_refused_when_the_job_is_made_before_any_VSS_call()
    {
        var error = Assert.Throws<JobValidationException>(() => Job("C:\\", "c:"));

        Assert.Equal(JobField.Volumes, error.Field);
        Assert.Contains("given twice", error.Message);
        Assert.Equal(0, Host.Accounting.ObjectsCreated);
        AssertCleanHost();
    }

    [Fact]
    public async Task Unknown_volume_is_reported_as_input_with_the_VSS_code()
    {
        var result = await RunAsync(Job("C:\\", "Z:\\"));

        Assert.Equal(JobErrorKind.Input, result.Error!.Kind);
        Assert.Equal("VSS_E_OBJECT_NOT_FOUND", result.Error.Name);
        Assert.Contains("Z:\\ does not exist", result.Error.Message);
        Assert.Equal(1, result.Attempts);
        AssertCleanHost();
    }

    [Fact]
    public async Task Unsupported_volume_is_reported_as_input()
    {
        var result = await RunAsync(Job("C:\\", "E:\\"));

        Assert.Equal(JobErrorKind.Input, result.Error!.Kind);
        Assert.Equal("VSS_E_VOLUME_NOT_SUPPORTED", result.Error.Name);
        Assert.Contains("E:\\", result.Error.Message);
        AssertCleanHost();
    }

    [Fact]
    public async Task More_than_64_volumes_are_refused_with_the_limit_named()
    {
        var volumes = Enumerable.Range(0, 65).Select(i => $@"C:\Mount\{i}").ToArray();

        var result = await RunAsync(Job(volumes));

        Assert.Equal(JobErrorKind.Input, result.Error!.Kind);
        Assert.Contains("at most 64", result.Error.Message);
        AssertCleanHost();
    }

    [Fact]
    public async Task Unknown_writer_in_a_filter_is_reported_as_input_after_metadata_is_freed()
    {
        var result = await RunAsync(Job("C:\\") with { Writers = new WriterFilter(["Exchange Writer"], []) });

        Assert.Equal(JobErrorKind.Input, result.Error!.Kind);
        Assert.Contains("Exchange Writer", result.Error.Message);
        AssertCleanHost();
    }

    [Fact]
    public void Missing_program_is_refused_when_the_job_is_made_naming_the_field()
    {
        var error = Assert.Throws<JobValidationException>(() => Job("C:\\") with { Action = new ExternalProgramAction("/no/such/program", []) });

        Assert.Equal(JobField.ActionProgram, error.Field);
        Assert.Contains("/no/such/program", error.Message);
        Assert.DoesNotContain("--exec", error.Message);
        Assert.Equal(0, Host.Accounting.ObjectsCreated);
        AssertCleanHost();
    }

    [Fact]
    public void A_bare_program_name_is_resolved_on_PATH_once_when_the_job_is_made()
    {
        var job = Job("C:\\") with { Action = new ExternalProgramAction("sh", []) };

        var program = Assert.IsType<ExternalProgramAction>(job.Action).Program;
        Assert.True(Path.IsPathFullyQualified(program), program);
        AssertCleanHost();
    }

    [Fact]
    public async Task Excluded_writer_is_disabled_and_its_components_reported_as_excluded()
    {
        var result = await RunAsync(Job("C:\\", "D:\\") with { Writers = new WriterFilter([], ["SqlServerWriter"]) });

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.All(result.Components.Where(c => c.Writer == "SqlServerWriter"), c => Assert.False(c.Selected));
        Assert.Contains("DisableWriterInstances", Recorder.Objects.Single().Calls);
        AssertCleanHost();
    }
}
