namespace Coordinator.Cli;

/// <summary>
/// The server operations the <c>jobs</c> client calls, as templates of docs/openapi.json's paths (relative to
/// --server). A test checks that each one is a documented operation, so the client uses nothing undocumented.
/// </summary>
internal static class ServerApiPaths
{
    public const string Jobs = "/api/jobs";
    public const string Job = "/api/jobs/{id}";
    public const string Cancel = "/api/jobs/{id}/cancel";

    /// <summary>Every (method, path template) the client sends.</summary>
    public static IReadOnlyList<(string Method, string Template)> Operations { get; } =
    [
        ("post", Jobs),
        ("get", Jobs),
        ("get", Job),
        ("post", Cancel),
    ];

    /// <summary>A template with its id filled in, relative to the --server base address.</summary>
    public static string For(string template, string? id = null) =>
        template.Replace("{id}", id is null ? "{id}" : Uri.EscapeDataString(id), StringComparison.Ordinal).TrimStart('/');
}
