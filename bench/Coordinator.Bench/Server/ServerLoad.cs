using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Coordinator.Bench.Server;

/// <summary>What one load run saw: jobs, wall time, and how they ended.</summary>
public sealed record LoadResult(int Jobs, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Statuses, int Reads)
{
    public double JobsPerSecond => Jobs / Elapsed.TotalSeconds;
}

/// <summary>
/// The load: client loops posting {"volumes":["C:\\"]} over HTTP as fast as they can, with at most
/// <c>backlog</c> jobs submitted and not yet finished (so a long run measures a steady state, not a queue growing
/// without bound), and one poller that reads each job with GET /api/jobs/{id} until it has ended, in submission order,
/// looking again at an unfinished one after <see cref="PollInterval"/> (so the reads cost the server about one GET
/// per job, not a spin). Elapsed is from the first POST to the moment the last job was seen finished.
/// </summary>
public static class ServerLoad
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"volumes":["C:\\"]}""");

    public static async Task<LoadResult> RunAsync(Uri server, int jobs, int clients, int backlog)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = server };
        using var slots = new SemaphoreSlim(backlog);
        var submitted = Channel.CreateUnbounded<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var next = 0;
        var reads = 0;
        var watch = Stopwatch.StartNew();

        async Task ClientAsync()
        {
            while (Interlocked.Increment(ref next) <= jobs)
            {
                await slots.WaitAsync();
                using var content = new ByteArrayContent(Body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync("api/jobs", content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"POST /api/jobs answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                submitted.Writer.TryWrite(id);
            }
        }

        async Task PollAsync()
        {
            for (var done = 0; done < jobs; done++)
            {
                var id = await submitted.Reader.ReadAsync();
                while (true)
                {
                    var document = await http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");
                    reads++;
                    var status = document.GetProperty("status").GetString()!;
                    if (status is not ("queued" or "running"))
                    {
                        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                        slots.Release();
                        break;
                    }
                    await Task.Delay(PollInterval);
                }
            }
        }

        var poller = PollAsync();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync)));
        await poller;
        return new LoadResult(jobs, watch.Elapsed, statuses, reads);
    }
}
