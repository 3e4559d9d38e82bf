using System.Security.Cryptography;
using System.Text;
using Coordinator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server;

/// <summary>
/// Bearer-token authentication for every endpoint but GET /healthz. The token is compared in constant time and is
/// never logged. Without a token the server refuses to start, unless --insecure-no-auth with every address loopback
/// (<see cref="ListenUrls"/>, checked again on what was bound by <see cref="ListenGuard"/>).
/// </summary>
public static class BearerAuth
{
    /// <summary>The token (<see cref="BearerToken.Resolve"/>); null only when insecure mode is asked for and every URL is loopback.</summary>
    public static string? ResolveToken(string? token, bool insecureNoAuth, IReadOnlyList<ListenUrl> urls)
    {
        if (token is not null)
        {
            return token;
        }
        if (!insecureNoAuth)
        {
            throw CoordinatorException.BadInput(
                $"serve: no bearer token: give --token-file FILE or set {BearerToken.EnvironmentVariable} (or --insecure-no-auth, loopback only, for development)");
        }
        // Decided by what Kestrel will bind for each entry, not by the name: a host name other than localhost binds every interface.
        if (urls.FirstOrDefault(u => u.Scope != ListenScope.Loopback) is { } exposed)
        {
            var why = exposed.Scope == ListenScope.EveryInterface ? " (it listens on every interface)" : "";
            throw CoordinatorException.BadInput(
                $"only allowed on loopback addresses, but --urls has {BoundedText.Quote(exposed.Url)}{why}: use http://127.0.0.1:PORT, or give a token instead",
                "insecure-no-auth");
        }
        return null;
    }

    public static void UseBearerAuth(this WebApplication app, string? token)
    {
        if (token is null)
        {
            return;
        }
        var expected = Encoding.UTF8.GetBytes(token);
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var header = context.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            // Only HTTP's optional whitespace (space, tab) is dropped: a Trim() would also strip VT, NBSP and the like,
            // which Kestrel keeps in the value, so a header of them would match what trims to nothing.
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim(' ', '\t')), expected))
            {
                await next(context);
                return;
            }
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(
                title: "unauthorized",
                detail: "send 'Authorization: Bearer <token>' with the server's token",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
        });
    }
}
