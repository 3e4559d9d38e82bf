using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Tests.Support;
using Coordinator.Tests.Server;
using Coordinator.Vss.Simulated;
using Xunit.Abstractions;

namespace Coordinator.Tests.Soak;

/// <summary>
/// The soak over the server: seeded jobs submitted over HTTP to a real in-process server (real actors, simulator with
/// host-wide faults), some cancelled through the API, up to 16 at once. At the end every job is in a definite state that
/// its kind and the host's faults allow, and the host holds exactly the snapshots of the persistent jobs that
/// succeeded: nothing leaked, nothing called from a wrong thread. COORDINATOR_SERVER_SOAK_JOBS and
/// COORDINATOR_SERVER_SOAK_SEED size and replay it.
/// </summary>
public sealed class ServerSoakTests(ITestOutputHelper output) : IDisposable
{
    private const int DefaultJobs = 200;
    private const int InfrastructureFaults = 12;
    private const int WriterFaults = 6;

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private enum Kind
    {
        NoAction,
        ActionSucceeds,
        ActionFails,
        Cancelled,
    }

    private sealed record Submitted(string Id, Kind Kind, string[] Volumes, bool Persistent);

    [Fact]
    public async Task Server_jobs_under_faults_and_cancellations_all_end_definite_and_leave_only_kept_snapshots()
    {
        var jobs = int.TryParse(Environment.GetEnvironmentVariable("COORDINATOR_SERVER_SOAK_JOBS"), out var n) ? n : DefaultJobs;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("COORDINATOR_SERVER_SOAK_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"server soak: seed {seed} (replay with COORDINATOR_SERVER_SOAK_SEED={seed}), {jobs} jobs");
        var random = new Random(seed);
        var stateFile = Path.Combine(_env.Directory, "simulator-state.json");
        var scenario = await WriteScenarioAsync(stateFile);
        var config = await WriteConfigAsync();

        await using var server = await ServerRun.StartAsync(_env, "--provider", "simulated", "--scenario", scenario, "--config", config,
            "--max-concurrent-jobs", "16");
        var submitted = new List<Submitted>();
        for (var i = 0; i < jobs; i++)
        {
            submitted.Add(await SubmitAsync(server, Draw(random)));
        }
        foreach (var job in submitted.Where(j => j.Kind == Kind.Cancelled))
        {
            var cancel = await server.Client.PostAsync($"api/jobs/{job.Id}/cancel", null);
            Assert.True(cancel.IsSuccessStatusCode || cancel.StatusCode == HttpStatusCode.Conflict, $"cancel {job.Id}: {cancel.StatusCode}");
        }

        var documents = new Dictionary<string, JsonElement>();
        foreach (var job in submitted)
        {
            documents[job.Id] = await EndedAsync(server, job.Id, TimeSpan.FromMinutes(3));
        }

        var mismatches = submitted.Select(j => Mismatch(j, documents[j.Id])).OfType<string>().ToList();
        var byStatus = documents.Values.GroupBy(d => d.GetProperty("status").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        var faultFailures = documents.Values.Count(d => ErrorName(d) is "VSS_E_WRITER_INFRASTRUCTURE" or "VSS_E_WRITERERROR_NONRETRYABLE");
        var keptSnapshots = submitted.Where(j => j.Persistent && Status(documents[j.Id]) == "succeeded").Sum(j => j.Volumes.Length);

        // Each document's simulator figures are its job's own (objects made for it, snapshots it created): every job
        // ran concurrently with others, and none may show a leak, and the snapshots alive are exactly the kept ones.
        int Sum(string figure) => documents.Values.Sum(d => d.TryGetProperty("simulator", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty(figure).GetInt32() : 0);
        var leaks = Sum("leaks");
        var wrongThread = Sum("wrongThreadCalls");
        var alive = Sum("snapshotsAlive");
        var persistentOnDisk = new PersistentSnapshotStore(stateFile).Load().Snapshots.Count;
        output.WriteLine($"server soak: seed {seed}, {jobs} jobs; " + string.Join(", ", byStatus.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) +
                         $"; failures from host faults {faultFailures}; mismatches {mismatches.Count}; leaks {leaks}, " +
                         $"wrong-thread calls {wrongThread}, snapshots alive {alive} (kept by persistent jobs {keptSnapshots}, in the state file {persistentOnDisk})");

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
        Assert.Equal(0, leaks);
        Assert.Equal(0, wrongThread);
        Assert.Equal(keptSnapshots, alive);
        Assert.Equal(keptSnapshots, persistentOnDisk);
        Assert.InRange(faultFailures, 0, InfrastructureFaults + WriterFaults);
    }

    private static (Kind Kind, string[] Volumes, bool Persistent) Draw(Random random)
    {
        string[][] sets = [["C:"], ["D:"], ["C:", "D:"]];
        var kind = random.Next(10) switch
        {
            < 3 => Kind.NoAction,
            < 6 => Kind.ActionSucceeds,
            < 8 => Kind.ActionFails,
            _ => Kind.Cancelled,
        };
        return (kind, sets[random.Next(sets.Length)], random.Next(5) == 0);
    }

    private static async Task<Submitted> SubmitAsync(ServerRun server, (Kind Kind, string[] Volumes, bool Persistent) job)
    {
        object? action = job.Kind switch
        {
            Kind.ActionSucceeds => new { program = "/bin/true", arguments = Array.Empty<string>() },
            Kind.ActionFails => new { program = "/bin/false", arguments = Array.Empty<string>() },
            // Longer than the soak can take however busy the machine: such a job ends only by its cancellation.
            Kind.Cancelled => new { program = "/bin/sleep", arguments = new[] { "600" } },
            _ => null,
        };
        var response = await server.Client.PostAsJsonAsync("api/jobs", new { volumes = job.Volumes, persistent = job.Persistent, action });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Submitted(id, job.Kind, job.Volumes, job.Persistent);
    }

    /// <summary>What each kind may end as: its own outcome, or a failure caused by one of the host's faults.</summary>
    private static string? Mismatch(Submitted job, JsonElement document)
    {
        var status = Status(document);
        var error = ErrorName(document);
        var hostFault = status == "failed" && error is "VSS_E_WRITER_INFRASTRUCTURE" or "VSS_E_WRITERERROR_NONRETRYABLE";
        var expected = job.Kind switch
        {
            Kind.NoAction or Kind.ActionSucceeds => status == "succeeded" || hostFault,
            Kind.ActionFails => (status == "failed" && document.GetProperty("error").GetProperty("kind").GetString() == "action") || hostFault,
            Kind.Cancelled => status == "cancelled" || hostFault,
            _ => false,
        };
        return expected ? null : $"job {job.Id} ({job.Kind}, {string.Join('+', job.Volumes)}): {status} {error}";
    }

    private static async Task<JsonElement> EndedAsync(ServerRun server, string id, TimeSpan timeout) =>
        (JsonElement)await Poll.UntilAsync<object>(async () =>
        {
            var document = await server.Client.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");
            return document.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled" ? document : null;
        }, $"job {id} to end", timeout);

    private static string? Status(JsonElement document) => document.GetProperty("status").GetString();

    private static string? ErrorName(JsonElement document) =>
        document.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error.GetProperty("name").GetString() : null;

    private async Task<string> WriteScenarioAsync(string stateFile)
    {
        var path = Path.Combine(_env.Directory, "soak-scenario.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            persistentStateFile = stateFile,
            faults = new[] { new { call = "GatherWriterMetadata", hresult = "VSS_E_WRITER_INFRASTRUCTURE", times = InfrastructureFaults } },
            writerFaults = new[] { new { writer = "SqlServerWriter", phase = "Freeze", state = "VSS_WS_FAILED_AT_FREEZE", hresult = "VSS_E_WRITERERROR_NONRETRYABLE", times = WriterFaults } },
        }));
        return path;
    }

    /// <summary>Short retry delays, so retries do not dominate the soak's run time (the dispatchers are the built-in ones).</summary>
    private async Task<string> WriteConfigAsync()
    {
        var path = Path.Combine(_env.Directory, "soak.hocon");
        await File.WriteAllTextAsync(path, """

            coordinator.retry {
              max-attempts = 4
              min-backoff = 5ms
              max-backoff = 20ms
              snapshot-in-progress-delay = 5ms
            }
            """);
        return path;
    }
}
