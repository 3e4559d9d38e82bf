using Coordinator.Core;

namespace Coordinator.Server;

/// <summary>
/// Where the server's bearer token comes from (--token-file, else COORDINATOR_TOKEN) and what makes one acceptable.
/// A token must be visible ASCII (what an Authorization header carries unchanged): a blank one, or one of
/// characters a header cannot carry, would let a header of only whitespace match.
/// </summary>
public static class BearerToken
{
    public const string EnvironmentVariable = "COORDINATOR_TOKEN";

    /// <summary>The token, or null when none is configured; warnings (a token file others may read) go to <paramref name="warn"/>.</summary>
    /// <exception cref="CoordinatorException">A missing, blank or unreadable token file, a blank variable, or a too-open file when refused.</exception>
    public static string? Resolve(string? tokenFile, bool requirePrivateFile, Action<string> warn)
    {
        if (tokenFile is not null)
        {
            if (!File.Exists(tokenFile))
            {
                throw CoordinatorException.BadInput($"file '{tokenFile}' does not exist", "token-file");
            }
            CheckPrivate(tokenFile, requirePrivateFile, warn);
            string text;
            try
            {
                text = File.ReadAllText(tokenFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CoordinatorException.Environment($"file '{tokenFile}' cannot be read: {ex.Message}", "token-file");
            }
            return Check(text, $"file '{tokenFile}'", "put the bearer token in it", "token-file");
        }
        // Set but empty means unset (as for every variable); set to blanks is a mistake worth a word.
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Check(fromEnvironment, EnvironmentVariable, "set it to the bearer token or unset it", null);
        }
        return null;
    }

    /// <summary>The token without the line end a file or shell adds; refuses blanks and characters a header cannot carry.</summary>
    internal static string Check(string raw, string source, string whatToDo, string? setting)
    {
        // Only what an editor or `echo` adds around a token; never VT, NBSP and the like, which Kestrel keeps in a header.
        var token = raw.Trim(' ', '\t', '\r', '\n');
        if (string.IsNullOrWhiteSpace(token))
        {
            throw CoordinatorException.BadInput($"{source} is {(raw.Length == 0 ? "empty" : "blank")}: {whatToDo}", setting);
        }
        if (token.Any(c => c is < '!' or > '~'))
        {
            throw CoordinatorException.BadInput(
                $"{source}: the token has a space, control or non-ASCII character; use visible ASCII only (e.g. the output of 'openssl rand -hex 32')", setting);
        }
        return token;
    }

    private static void CheckPrivate(string tokenFile, bool requirePrivateFile, Action<string> warn)
    {
        if (OperatingSystem.IsWindows())
        {
            // ACLs, not mode bits: docs/security.md says how to restrict the file there.
            return;
        }
        const UnixFileMode groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                           UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(tokenFile);
        if ((mode & groupOrOthers) == 0)
        {
            return;
        }
        var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
        if (requirePrivateFile)
        {
            throw CoordinatorException.BadInput(
                $"file '{tokenFile}' has mode {octal}: group or others may read the token; run 'chmod 600 {tokenFile}' " +
                "(required by coordinator.server.require-private-token-file = on)", "token-file");
        }
        warn($"warning: --token-file: file '{tokenFile}' has mode {octal}: group or others may read the token; run 'chmod 600 {tokenFile}' " +
             "(coordinator.server.require-private-token-file = on refuses such a file)");
    }
}
