using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Vss;

namespace Coordinator.Actors.VolumeSet;

public sealed partial class VolumeSetActor
{
    private static JobError ErrorOf(Exception cause) => cause switch
    {
        JobValidationException input => InputError(input),
        VssNotAvailableException or VssAccessDeniedException => JobError.FromVss((VssException)cause, JobErrorKind.Environment),
        VssException vss => JobError.FromVss(vss),
        VssOperationTimeoutException timeout => new JobError(JobErrorKind.Timeout, timeout.Operation, 0, null, timeout.Message),
        BackupActionFailedException action => new JobError(JobErrorKind.Action, "BackupAction", 0, null, action.Message)
        {
            ExitCode = action.ExitCode,
        },
        _ => new JobError(JobErrorKind.Vss, "Session", 0, null, cause.Message),
    };

    private static JobError InputError(JobValidationException ex) => new(JobErrorKind.Input, ex.Operation, ex.VssHResult, null, ex.Message);

    private JobError TimeoutError() =>
        new(JobErrorKind.Timeout, "Job", 0, null, $"the job did not finish within {_spec.Job.Timeout ?? _spec.Settings.Job.DefaultTimeout}; it was cancelled and cleaned up");

    private void Complete(JobStatus status, JobError? error)
    {
        if (_done)
        {
            return;
        }
        _done = true;
        _spec.Reply.TrySetResult(Result(status, error));
        Context.Stop(Self);
    }

    /// <summary>
    /// The result from the last attempt's sessions. With several sets (a split job) writers are merged by instance,
    /// a failed state winning, and components by path, a selection winning; timings are named per set.
    /// </summary>
    private BackupResult Result(JobStatus status, JobError? error)
    {
        var outcomes = _lastOutcomes;
        var succeeded = status == JobStatus.Succeeded;
        var setIds = succeeded ? outcomes.Select(o => o.SnapshotSetId).OfType<Guid>().ToList() : [];
        var writers = outcomes.SelectMany(o => o.Writers)
            .GroupBy(w => w.InstanceId)
            .Select(g => g.FirstOrDefault(w => w.State.IsFailed()) ?? g.First())
            .ToList();
        var components = outcomes.SelectMany(o => o.Components)
            .GroupBy(c => (c.Writer, c.Path))
            .Select(g => g.FirstOrDefault(c => c.Selected) ?? g.First())
            .ToList();
        var timings = outcomes.Count == 1
            ? outcomes[0].Timings
            : outcomes.SelectMany((o, i) => o.Timings.Select(t => t with { Phase = $"set {i + 1}: {t.Phase}" })).ToList();
        return new BackupResult(
            _spec.Job.JobId,
            status,
            error,
            _attempt,
            setIds.Count > 0 ? setIds[0] : null,
            succeeded ? outcomes.SelectMany(o => o.Volumes).ToList() : [],
            writers,
            components,
            timings,
            [.. _warnings, .. outcomes.SelectMany(o => o.Warnings)],
            _spec.Factory.ProviderName)
        {
            SnapshotSetIds = setIds,
        };
    }
}
