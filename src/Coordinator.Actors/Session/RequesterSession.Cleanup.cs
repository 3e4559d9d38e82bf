using Coordinator.Vss;

namespace Coordinator.Actors.Session;

internal sealed partial class RequesterSession
{
    /// <summary>
    /// The end-of-life ladder, safe to call on any path and more than once: free what is still held, abort a
    /// backup caught inside the StartSnapshotSet → DoSnapshotSet window, delete persistent snapshots of a failed
    /// job, release the object. Each rung runs even when an earlier one throws; errors are returned, not thrown,
    /// so the caller (PostStop) can log them without losing the release.
    /// </summary>
    public IReadOnlyList<Exception> Cleanup()
    {
        var errors = new List<Exception>();
        if (_components is null)
        {
            return errors;
        }
        try
        {
            try
            {
                FreeStatus(throwOnFailure: true);
            }
            finally
            {
                try
                {
                    FreeMetadata(throwOnFailure: true);
                }
                finally
                {
                    try
                    {
                        AbortIfInWindow();
                    }
                    finally
                    {
                        DeletePersistentSnapshotsOfFailedJob();
                    }
                }
            }
        }
        catch (Exception ex)
        {
            errors.Add(ex);
        }
        finally
        {
            try
            {
                _components.Dispose();
                if (_snapshotSetId is { } setId && !_job.Persistent && _snapshotsExist)
                {
                    _snapshotsExist = false;
                    _journal.MarkSnapshotSetGone(setId, "released");
                }
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
            _components = null;
        }
        return errors;
    }

    private void AbortIfInWindow()
    {
        if (!_inCreationWindow)
        {
            return;
        }
        _inCreationWindow = false;
        Components.AbortBackup();
        if (_snapshotSetId is { } setId)
        {
            _journal.MarkSnapshotSetGone(setId, "aborted");
        }
    }

    /// <summary>A failed job's snapshots are useless and would only fill the diff area: persistent ones are deleted.</summary>
    private void DeletePersistentSnapshotsOfFailedJob()
    {
        if (!_job.Persistent || _backupSucceeded || !_snapshotsExist || _snapshotSetId is not { } setId)
        {
            return;
        }
        try
        {
            Components.DeleteSnapshotSet(setId, forceDelete: true);
        }
        catch (VssObjectNotFoundException)
        {
            // Already gone: that is what we wanted.
        }
        // Only reached when the set is really gone; otherwise the journal keeps it for recovery to retry.
        _snapshotsExist = false;
        _journal.MarkSnapshotSetGone(setId, "deleted");
    }
}
