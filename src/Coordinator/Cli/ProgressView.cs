using System.Threading.Channels;
using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>
/// Live progress of a job: on a terminal a spinner line with phase, volume, writer and attempt, plus one line per
/// phase reached; elsewhere plain lines. Progress arrives on actor threads; a channel hands it to the one thread
/// Spectre.Console renders on (its live displays are not thread-safe).
/// </summary>
public static class ProgressView
{
    public static async Task<T> RunAsync<T>(CliConsole console, Func<Action<JobProgress>, Task<T>> work)
    {
        var events = Channel.CreateUnbounded<JobProgress>(new UnboundedChannelOptions { SingleReader = true });
        var task = Task.Run(() => work(p => events.Writer.TryWrite(p)));
        _ = task.ContinueWith(_ => events.Writer.TryComplete(), TaskScheduler.Default);

        if (console.Interactive)
        {
            await console.Ansi.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async context =>
            {
                await foreach (var progress in events.Reader.ReadAllAsync())
                {
                    context.Status(TerminalText.Markup(Describe(progress)));
                    console.Ansi.MarkupLine($"[grey]{TerminalText.Markup(Describe(progress))}[/]");
                }
            });
        }
        else
        {
            await foreach (var progress in events.Reader.ReadAllAsync())
            {
                console.Out.WriteLine("  " + TerminalText.Escape(Describe(progress)));
            }
        }
        return await task;
    }

    public static string Describe(JobProgress p)
    {
        var parts = new List<string> { $"[attempt {p.Attempt}]", p.Phase };
        if (p.Volume is not null)
        {
            parts.Add("volume " + p.Volume);
        }
        if (p.Writer is not null)
        {
            parts.Add("writer '" + p.Writer + "'");
        }
        if (!string.IsNullOrEmpty(p.Message) && p.Message != p.Phase)
        {
            parts.Add("- " + p.Message);
        }
        return string.Join(' ', parts);
    }
}
