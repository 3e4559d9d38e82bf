using Microsoft.Kiota.Abstractions.Authentication;

namespace Coordinator.ApiClient.Tests;

/// <summary>The server's bearer token as a Kiota client takes it: an access token provider behind the bearer scheme.</summary>
public sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) => Task.FromResult(token);
}
