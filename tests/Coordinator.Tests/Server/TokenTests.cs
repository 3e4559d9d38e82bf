using System.Net;
using System.Text;
using Coordinator.Cli;
using Coordinator.Server;
using Coordinator.Tests.Hosting;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>The bearer token: what serve accepts as one, how a header is compared, and how the token file must be kept.</summary>
public sealed class TokenTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    [Theory]
    [InlineData("\v")]
    [InlineData("\u00A0")]
    [InlineData(" \t ")]
    public async Task A_blank_token_file_is_refused(string content)
    {
        var tokenFile = Path.Combine(_env.Directory, "blank-token");
        await File.WriteAllTextAsync(tokenFile, content + "\n");
        SetMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--token-file", run.Stderr);
        Assert.Contains("blank", run.Stderr);
    }

    [Fact]
    public async Task A_token_of_characters_a_header_cannot_carry_is_refused()
    {
        var tokenFile = Path.Combine(_env.Directory, "nbsp-token");
        await File.WriteAllTextAsync(tokenFile, "abc\u00A0def");
        SetMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("visible ASCII", run.Stderr);
    }

    [Theory]
    [InlineData(" ", "--token: the value is blank")]
    [InlineData("abc\u00A0def", "--token: the value: the token has a space, control or non-ASCII character")]
    public async Task The_jobs_client_refuses_a_token_the_server_would_refuse_before_it_sends_anything(string token, string expected)
    {
        // Nothing listens on port 9: the answer must come from the client's own check, not a connection error.
        var run = await _env.RunAsync(["jobs", "list", "--server", "http://127.0.0.1:9", "--token", token]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(run.Stderr.Contains(expected), run.Stderr);
    }

    [Theory]
    [InlineData("Bearer \v")]
    [InlineData("Bearer \u00A0")]
    [InlineData("Bearer " + ServerRun.Token + "\v")]
    [InlineData("Bearer " + ServerRun.Token + "\u00A0")]
    [InlineData("Bearer \u00A0" + ServerRun.Token)]
    public async Task A_header_matches_only_the_token_itself(string header)
    {
        await using var server = await ServerRun.StartAsync(_env);

        var status = await RawHttp.StatusOfGetAsync(server.BaseAddress, "/api/jobs", Encoding.Latin1.GetBytes(header));

        // Kestrel may refuse the header outright (400) or pass it on; either way it never authenticates.
        Assert.Contains(status, new[] { 400, 401 });
        Assert.Equal(200, await RawHttp.StatusOfGetAsync(server.BaseAddress, "/api/jobs", Encoding.ASCII.GetBytes("Bearer  " + ServerRun.Token + " \t")));
    }

    [Fact]
    public async Task A_token_file_others_may_read_gets_a_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Mode bits are Unix's; on Windows the file's ACL decides (docs/security.md).
        }
        var tokenFile = Path.Combine(_env.Directory, "open-token");
        await File.WriteAllTextAsync(tokenFile, ServerRun.Token + "\n");
        SetMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var server = await ServerRun.StartWithTokenFileAsync(_env, tokenFile);
        CliRun stopped;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("api/jobs")).StatusCode);
        }
        finally
        {
            stopped = await server.StopAsync();
            await server.DisposeAsync();
        }

        Assert.Contains("warning: --token-file", stopped.Stderr);
        Assert.Contains("mode 0644", stopped.Stderr);
        Assert.Contains("chmod 600", stopped.Stderr);
    }

    [Fact]
    public async Task A_private_token_file_gets_no_warning()
    {
        var server = await ServerRun.StartAsync(_env);
        var stopped = await server.StopAsync();
        await server.DisposeAsync();

        Assert.DoesNotContain("warning", stopped.Stderr);
    }

    [Fact]
    public async Task A_token_file_others_may_read_is_refused_when_the_setting_asks()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Mode bits are Unix's; on Windows the file's ACL decides (docs/security.md).
        }
        var tokenFile = Path.Combine(_env.Directory, "open-token");
        await File.WriteAllTextAsync(tokenFile, ServerRun.Token + "\n");
        SetMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var config = Path.Combine(_env.Directory, "akka.hocon");
        await File.WriteAllTextAsync(config, "coordinator.server.require-private-token-file = on\n");

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile, "--config", config]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("mode 0640", run.Stderr);
        Assert.Contains("require-private-token-file", run.Stderr);
    }
}

/// <summary>COORDINATOR_TOKEN is process-wide: these run alone (<see cref="EnvironmentCollection"/>).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class TokenEnvironmentTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Theory]
    [InlineData("\v")]
    [InlineData("\u00A0")]
    [InlineData("   ")]
    public async Task A_blank_COORDINATOR_TOKEN_is_refused_like_a_blank_token_file(string value)
    {
        using var token = new EnvironmentVariable(BearerToken.EnvironmentVariable, value);
        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(run.Stderr.Contains("COORDINATOR_TOKEN is blank"), run.Stderr);
    }

    [Fact]
    public async Task The_jobs_client_refuses_a_blank_COORDINATOR_TOKEN_before_it_sends_anything()
    {
        using var token = new EnvironmentVariable(BearerToken.EnvironmentVariable, "   ");
        // Nothing listens on port 9: the answer must come from the client's own check, not a connection error.
        var run = await _env.RunAsync(["jobs", "list", "--server", "http://127.0.0.1:9"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(run.Stderr.Contains("COORDINATOR_TOKEN is blank"), run.Stderr);
    }
}
