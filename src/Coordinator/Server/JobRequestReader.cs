using System.Text.Json;
using System.Text.RegularExpressions;
using Coordinator.Core;
using Coordinator.Jobs;
using Coordinator.Output;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server;

/// <summary>
/// Reads the body of POST /api/jobs: a body over the size limit is a 413, malformed JSON or a member the API does not
/// have (a typo like "persistant" must not silently give a different job) a 400 naming the field; every echoed
/// name or value is shortened (<see cref="BoundedText"/>).
/// </summary>
internal static partial class JobRequestReader
{
    // System.Text.Json's message for JsonUnmappedMemberHandling.Disallow; the only place the member's name is given.
    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    public const string KnownFields = "volumes, provider, persistent, includeWriters, excludeWriters, action {program, arguments, workingDirectory}, timeout";

    /// <summary>The request, or the problem response to send instead.</summary>
    public static async Task<(JobRequest? Request, IResult? Problem)> ReadAsync(HttpRequest http)
    {
        JobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<JobRequest>(http.Body, JsonDefaults.Options, http.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "request body too large",
                detail: $"the body is larger than the server takes{(limit is { } l ? $" ({l} bytes)" : "")}: a job request is a small JSON object"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Results.Problem(statusCode: ex.StatusCode, title: "bad request", detail: BoundedText.Message(ex.Message)));
        }
        catch (JsonException ex)
        {
            return (null, JobProblems.Invalid(FromJsonException(ex)));
        }
        if (request is null)
        {
            return (null, JobProblems.Invalid(new FieldError("body", "the body must be a JSON object with at least 'volumes'")));
        }
        if (NullEntry(request) is { } nullEntry)
        {
            return (null, JobProblems.Invalid(nullEntry));
        }
        return (request, null);
    }

    private static FieldError FromJsonException(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : ex.Path.TrimStart('$', '.');
        if (UnmappedMember().Match(ex.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            // The path may or may not end with the member itself, depending on where the reader stopped.
            var field = path.Length == 0 ? name : path.EndsWith(name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return new FieldError(BoundedText.Shorten(field, BoundedText.MaxEchoed),
                $"unknown field {BoundedText.Quote(name)}: the fields are {KnownFields}");
        }
        var where = path.Length == 0 ? "body" : BoundedText.Shorten(path, BoundedText.MaxEchoed);
        // The message names the expected type and the position, never the value; it is still bounded.
        return new FieldError(where, "malformed JSON: " + BoundedText.Message(ex.Message));
    }

    /// <summary>JSON null inside a list: nothing downstream expects one.</summary>
    private static FieldError? NullEntry(JobRequest request)
    {
        foreach (var (list, field) in new[]
                 {
                     (request.Volumes, "volumes"), (request.IncludeWriters, "includeWriters"), (request.ExcludeWriters, "excludeWriters"),
                     (request.Action?.Arguments, "action.arguments"),
                 })
        {
            if (list is not null && list.Any(e => e is null))
            {
                return new FieldError(field, "an entry is null: give strings only");
            }
        }
        return null;
    }
}
