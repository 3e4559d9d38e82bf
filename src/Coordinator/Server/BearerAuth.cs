using System.Net;
using System.Security.Cryptography;
using System.Text;
using Coordinator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server;

/// <summary>
/// Bearer-token authentication for every endpoint but GET /healthz. The token is compared in constant time and is
/// never logged. Without a token the server refuses to start, unless --insecure-no-auth on a loopback address.
/// </summary>
public static class BearerAuth
{
    public const string TokenEnvironmentVariable = "COORDINATOR_TOKEN";

    /// <summary>The token from --token-file, else COORDINATOR_TOKEN; null only when insecure mode is allowed.</summary>
    public static string? ResolveToken(string? tokenFile, bool insecureNoAuth, IReadOnlyList<string> urls)
    {
        string? token = null;
        if (tokenFile is not null)
        {
            if (!File.Exists(tokenFile))
            {
                throw CoordinatorException.BadInput($"file '{tokenFile}' does not exist", "token-file");
            }
            token = File.ReadAllText(tokenFile).Trim();
            if (token.Length == 0)
            {
                throw CoordinatorException.BadInput($"file '{tokenFile}' is empty: put the bearer token in it", "token-file");
            }
        }
        else if (Environment.GetEnvironmentVariable(TokenEnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            token = fromEnvironment.Trim();
        }

        if (token is not null)
        {
            return token;
        }
        if (!insecureNoAuth)
        {
            throw CoordinatorException.BadInput(
                $"serve: no bearer token: give --token-file FILE or set {TokenEnvironmentVariable} (or --insecure-no-auth, loopback only, for development)");
        }
        var exposed = urls.FirstOrDefault(u => !IsLoopback(u));
        if (exposed is not null)
        {
            throw CoordinatorException.BadInput($"only allowed on loopback addresses, but --urls has '{exposed}': give a token instead", "insecure-no-auth");
        }
        return null;
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
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
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), expected))
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
