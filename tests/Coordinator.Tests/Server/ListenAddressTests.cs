using System.Net;
using System.Net.Sockets;
using Coordinator.Cli;
using Coordinator.Server;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>Where `serve` listens: what --urls says is what gets bound, and what cannot be bound is one line, not a stack.</summary>
public sealed class ListenAddressTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static void AssertOneLine(CliRun run)
    {
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("listening on", run.Stdout);
    }

    [Theory]
    [InlineData("http://loopback:0")]
    [InlineData("http://my-host-name:0")]
    [InlineData("http://*:0")]
    [InlineData("http://[::]:0")]
    public async Task Serve_refuses_insecure_mode_on_a_name_or_wildcard_that_binds_every_interface(string url)
    {
        var run = await _env.RunAsync(["serve", "--urls", url, "--insecure-no-auth"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        AssertOneLine(run);
        Assert.Contains("--insecure-no-auth: only allowed on loopback", run.Stderr);
        Assert.Contains("every interface", run.Stderr);
    }

    [Fact]
    public async Task Insecure_mode_still_serves_on_a_loopback_address()
    {
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--insecure-no-auth"], stop.Token, output));
        try
        {
            await Poll.UntilAsync(() => output.Text.Contains("listening on", StringComparison.Ordinal) || run.IsCompleted, "the server to listen");
            if (run.IsCompleted)
            {
                Assert.Fail($"serve exited: {(await run).Stderr}");
            }
            Assert.Contains("NO AUTHENTICATION", output.Text);
        }
        finally
        {
            stop.Cancel();
            await run;
        }
    }

    [Fact]
    public void The_bound_address_check_finds_every_interface_and_keeps_loopback()
    {
        var exposed = ListenUrls.NotLoopback(["http://127.0.0.1:5080", "http://[::1]:5080", "http://localhost:5080", "http://[::]:5080", "http://0.0.0.0:5080", "http://192.168.1.4:5080"]);

        Assert.Equal(["http://[::]:5080", "http://0.0.0.0:5080", "http://192.168.1.4:5080"], exposed);
    }

    [Theory]
    [InlineData("", "no address given")]
    [InlineData(" ; ", "no address given")]
    [InlineData("https://127.0.0.1:0", "plain HTTP only")]
    [InlineData("http://[::ffff:127.0.0.1]:0", "IPv4-mapped")]
    [InlineData("http://localhost:0", "port 0")]
    [InlineData("127.0.0.1:5080", "not a URL")]
    [InlineData("http://127.0.0.1:0/api", "no path")]
    public async Task Serve_refuses_urls_it_cannot_serve_with_one_line(string urls, string expected)
    {
        var run = await _env.RunAsync(["serve", "--urls", urls, "--insecure-no-auth"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        AssertOneLine(run);
        Assert.Contains("--urls", run.Stderr);
        Assert.Contains(expected, run.Stderr);
    }

    [Theory]
    [InlineData("\"\"", "coordinator.server.urls")]
    [InlineData("\" ; \"", "no address given (coordinator.server.urls)")]
    [InlineData("\"http://loopback:5080\"", "every interface")]
    public async Task Urls_from_the_config_file_are_checked_the_same_way(string hoconValue, string expected)
    {
        var config = Path.Combine(_env.Directory, "akka.hocon");
        await File.WriteAllTextAsync(config, $"coordinator.server.urls = {hoconValue}\n");

        var run = await _env.RunAsync(["serve", "--insecure-no-auth", "--config", config]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        AssertOneLine(run);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public async Task An_address_this_machine_does_not_have_is_one_line_and_an_environment_exit()
    {
        // TEST-NET-1 (RFC 5737): never assigned to a host.
        var run = await _env.RunAsync(["serve", "--urls", "http://192.0.2.1:0", "--token-file", await TokenFileAsync()]);

        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        AssertOneLine(run);
        Assert.Contains("--urls: cannot listen", run.Stderr);
    }

    private async Task<string> TokenFileAsync()
    {
        var path = Path.Combine(_env.Directory, "token");
        await File.WriteAllTextAsync(path, ServerRun.Token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_an_environment_exit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await _env.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--insecure-no-auth"]);

        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        AssertOneLine(run);
        Assert.Contains("--urls: cannot listen", run.Stderr);
    }
}
