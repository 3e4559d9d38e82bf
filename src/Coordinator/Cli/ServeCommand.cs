using System.CommandLine;
using Coordinator.Server;

namespace Coordinator.Cli;

/// <summary>`coordinator serve`: the backup server (HTTP API on 127.0.0.1 by default, bearer-token auth).</summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console, CliDependencies dependencies)
    {
        var urls = new Option<string?>("--urls") { Description = "http:// addresses to listen on, ';'-separated (default http://127.0.0.1:5080; a host name other than localhost means every interface) [coordinator:server:urls]", HelpName = "URLS" };
        var tokenFile = new Option<string?>("--token-file") { Description = $"file holding the bearer token (else ${BearerToken.EnvironmentVariable}) [coordinator:server:token-file]", HelpName = "FILE" };
        var insecure = new Option<bool>("--insecure-no-auth") { Description = "serve without a token (loopback addresses only; development)" };
        var maxJobs = new Option<string?>("--max-concurrent-jobs") { Description = "jobs run at once; more wait in the queue (default 4)", HelpName = "N" };
        var common = CommonOptions.ForProviderCommand(journal: true, json: false);
        var command = new Command("serve", "Run the backup server: jobs over HTTP, journaled in SQLite, recovered after a crash.")
        {
            urls, tokenFile, insecure, maxJobs,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { } given && string.IsNullOrWhiteSpace(given.Replace(';', ' ')))
            {
                // Not ASP.NET's fallback (localhost:5000): an empty --urls is a mistake, said as one.
                throw CliException.BadInput("--urls: no address given: give at least one, e.g. http://127.0.0.1:5080 (or leave --urls out for coordinator.server.urls)");
            }
            ProviderCommandOptions.SetIfGiven(overrides, "coordinator:server:urls", parse.GetValue(urls));
            ProviderCommandOptions.SetIfGiven(overrides, "coordinator:server:token-file", parse.GetValue(tokenFile));
            if (parse.GetValue(maxJobs) is { } jobs)
            {
                if (!int.TryParse(jobs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    throw CliException.BadInput($"--max-concurrent-jobs: '{jobs}' is not a positive whole number");
                }
                overrides["coordinator:server:max-concurrent-jobs"] = jobs;
            }
            var options = common.Read(parse, overrides);
            return await ServerApp.RunAsync(console.Out, console.Error, dependencies.ProviderSource,
                new ServeRequest(options.ConfigPath, options.Overrides, parse.GetValue(insecure), options.Verbose), cancellationToken);
        });
        return command;
    }
}
