using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>
/// `coordinator serve` run in-process on 127.0.0.1 with a port the OS picks; the address comes from the
/// "listening on" line. Disposing stops it the way Ctrl+C does (cancelling the command's token).
/// </summary>
public sealed partial class ServerRun : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";

    private readonly CancellationTokenSource _stop;

    private ServerRun(Task<CliRun> run, SyncWriter output, CancellationTokenSource stop)
    {
        _stop = stop;
        Run = run;
        Output = output;
    }

    public Task<CliRun> Run { get; }

    public SyncWriter Output { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();

    public static async Task<ServerRun> StartAsync(TestEnvironment env, params string[] extra)
    {
        var tokenFile = Path.Combine(env.Directory, "token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        if (!OperatingSystem.IsWindows())
        {
            // As docs/security.md asks (a token file others may read gets a warning).
            File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return await StartWithTokenFileAsync(env, tokenFile, extra);
    }

    /// <summary>Serves with <paramref name="tokenFile"/> as it is (holding <see cref="Token"/>).</summary>
    public static async Task<ServerRun> StartWithTokenFileAsync(TestEnvironment env, string tokenFile, params string[] extra)
    {
        var output = new SyncWriter();
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile, .. extra], stop.Token, output));
        var server = new ServerRun(run, output, stop);
        await Poll.UntilAsync(() => Listening().IsMatch(output.Text) || run.IsCompleted, "the server to listen");
        if (run.IsCompleted)
        {
            var failed = await run;
            throw new InvalidOperationException($"serve exited {failed.ExitCode}: {failed.Stderr}");
        }
        server.BaseAddress = new Uri(Listening().Match(output.Text).Groups[1].Value.TrimEnd('/') + "/");
        server.Client = new HttpClient { BaseAddress = server.BaseAddress };
        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        server.Anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        return server;
    }

    /// <summary>Stops the server as Ctrl+C would and returns how the command ended.</summary>
    public async Task<CliRun> StopAsync()
    {
        _stop.Cancel();
        return await Run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }
        Client?.Dispose();
        Anonymous?.Dispose();
        _stop.Dispose();
    }
}
