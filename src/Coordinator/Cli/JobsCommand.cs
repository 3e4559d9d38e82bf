using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Core;
using Coordinator.Jobs;
using Coordinator.Output;
using Coordinator.Server;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>`coordinator jobs submit|list|show|cancel --server URL`: the server's client.</summary>
public static class JobsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("jobs", "Submit, list, show and cancel jobs on a backup server.");
        command.Subcommands.Add(Submit(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Cancel(console));
        return command;
    }

    private sealed record ServerSymbols(Option<string> Server, Option<string?> Token, Option<string?> TokenFile)
    {
        public static ServerSymbols Add(Command command)
        {
            var symbols = new ServerSymbols(
                new Option<string>("--server") { Description = "the server's base URL, e.g. http://127.0.0.1:5080", Required = true, HelpName = "URL" },
                new Option<string?>("--token") { Description = $"bearer token (else --token-file, else ${BearerToken.EnvironmentVariable})", HelpName = "TOKEN" },
                new Option<string?>("--token-file") { Description = "file holding the bearer token", HelpName = "FILE" });
            command.Options.Add(symbols.Server);
            command.Options.Add(symbols.Token);
            command.Options.Add(symbols.TokenFile);
            return symbols;
        }

        public HttpClient Client(ParseResult parse)
        {
            var url = parse.GetValue(Server)!;
            if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                throw CliException.BadInput($"--server: '{url}' is not an http(s) URL");
            }
            // The server's rules for a token (BearerToken): a blank one, or one a header cannot carry, is refused here
            // with the option or variable it came from, not sent to earn a 401.
            var token = parse.GetValue(Token) is { } given
                ? BearerToken.Check(given, "the value", "give the bearer token", "token")
                : BearerToken.Resolve(parse.GetValue(TokenFile), requirePrivateFile: false, warn: _ => { });
            var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
            if (!string.IsNullOrEmpty(token))
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return client;
        }
    }

    private static Command Submit(CliConsole console)
    {
        var job = JobRequestSymbols.Remote();
        var json = CommonOptions.Json();
        var command = new Command("submit", "Submit a backup job; prints its id.");
        job.AddTo(command);
        command.Options.Add(json);
        var server = ServerSymbols.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = job.Read(parse);
            using var client = server.Client(parse);
            var response = await Send(client, c => c.PostAsJsonAsync(ServerApiPaths.For(ServerApiPaths.Jobs), request, JsonDefaults.Options, cancellationToken));
            var submitted = (await response.Content.ReadFromJsonAsync<SubmittedJob>(JsonDefaults.Options, cancellationToken))!;
            await console.Out.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(submitted, JsonDefaults.Indented) : submitted.Id);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List the server's jobs, newest first.") { json };
        var server = ServerSymbols.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = server.Client(parse);
            var response = await Send(client, c => c.GetAsync(ServerApiPaths.For(ServerApiPaths.Jobs), cancellationToken));
            // The first page (the server's default size), newest first; --json prints its jobs as an array.
            var jobs = (await response.Content.ReadFromJsonAsync<JobList>(JsonDefaults.Options, cancellationToken))?.Jobs ?? [];
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(jobs, JsonDefaults.Indented));
                return ExitCodes.Succeeded;
            }
            var table = new Table().AddColumn("Job").AddColumn("Status").AddColumn("Volumes").AddColumn("Submitted").AddColumn("Finished");
            foreach (var j in jobs)
            {
                table.AddRow(j.Id, j.Status, TerminalText.Markup(string.Join(" ", j.Volumes)), j.SubmittedAt.ToString("u"), j.FinishedAt?.ToString("u") ?? "");
            }
            console.Ansi.Write(table);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "the job id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a job's result document (the same as 'backup --json').") { id, json };
        var server = ServerSymbols.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = server.Client(parse);
            var response = await Send(client, c => c.GetAsync(ServerApiPaths.For(ServerApiPaths.Job, parse.GetValue(id)), cancellationToken));
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var document = JsonSerializer.Deserialize<JsonResultDocument>(body, JsonDefaults.Options)!;
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(document, JsonDefaults.Indented));
            }
            else
            {
                HumanRenderer.RenderResult(console.Ansi, document);
            }
            // Finished jobs exit like 'backup' would; queued or running ones exit 0.
            return document.Status is "queued" or "running" ? ExitCodes.Succeeded : JobExitCode.For(document);
        });
        return command;
    }

    private static Command Cancel(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "the job id" };
        var command = new Command("cancel", "Cancel a queued or running job (it cleans up before it ends).") { id };
        var server = ServerSymbols.Add(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = server.Client(parse);
            var response = await Send(client, c => c.PostAsync(ServerApiPaths.For(ServerApiPaths.Cancel, parse.GetValue(id)), null, cancellationToken));
            var cancelled = (await response.Content.ReadFromJsonAsync<CancelResult>(JsonDefaults.Options, cancellationToken))!;
            await console.Out.WriteLineAsync($"{cancelled.Id}: {cancelled.Status}");
            return ExitCodes.Succeeded;
        });
        return command;
    }

    /// <summary>Sends a request and turns HTTP failures into one-line errors with the right exit code.</summary>
    private static async Task<HttpResponseMessage> Send(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send(client);
        }
        catch (HttpRequestException ex)
        {
            throw CliException.Environment($"--server: cannot reach {client.BaseAddress}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw CliException.Environment($"--server: {client.BaseAddress} did not answer in time");
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        var detail = await ProblemDetail(response);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => CliException.BadInput("the server refused the token: give --token, --token-file or set " + BearerToken.EnvironmentVariable),
            HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict => CliException.BadInput(detail),
            _ => CliException.Environment($"the server answered {(int)response.StatusCode}: {detail}"),
        };
    }

    private static async Task<string> ProblemDetail(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            if (JsonSerializer.Deserialize<Problem>(text, JsonDefaults.Options) is { } problem)
            {
                return problem.Detail is { Length: > 0 } detail ? detail : problem.Title ?? text;
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the text itself is the best detail there is.
        }
        return string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? response.StatusCode.ToString() : text;
    }
}
