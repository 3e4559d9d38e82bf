using System.Net;
using Coordinator.Core;

namespace Coordinator.Server;

/// <summary>Where one --urls entry makes Kestrel listen.</summary>
public enum ListenScope
{
    /// <summary>Only this machine can connect: a loopback IP literal, or the name "localhost" (Kestrel binds 127.0.0.1 and ::1).</summary>
    Loopback,

    /// <summary>A specific non-loopback address: whoever can route to it can connect.</summary>
    Address,

    /// <summary>
    /// Every interface: 0.0.0.0, [::], * and +, and also any host name other than "localhost" — Kestrel does not resolve
    /// names, it binds every interface for them (so "http://loopback:5080" is reachable from the network).
    /// </summary>
    EveryInterface,
}

/// <summary>One checked entry of --urls.</summary>
public sealed record ListenUrl(string Url, ListenScope Scope);

/// <summary>
/// Reads --urls (coordinator.server.urls) the way Kestrel will bind it, so that what is checked — insecure mode on
/// loopback only — is what gets bound; and refuses up front, with one line, what Kestrel would fail on with a stack
/// trace (https without a certificate, IPv4-mapped IPv6, a path, no address at all).
/// </summary>
public static class ListenUrls
{
    public const string Setting = "urls";

    /// <exception cref="CoordinatorException">Bad input naming --urls.</exception>
    public static IReadOnlyList<ListenUrl> Parse(string? urls)
    {
        var entries = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            // Kestrel would fall back to http://localhost:5000, which nobody asked for.
            throw CoordinatorException.BadInput("no address given (coordinator.server.urls): give at least one, e.g. http://127.0.0.1:5080", Setting);
        }
        return entries.Select(ParseOne).ToList();
    }

    private static ListenUrl ParseOne(string url)
    {
        var shown = BoundedText.Quote(url);
        // Kestrel's wildcard hosts are not valid URI hosts; they mean every interface.
        var forUri = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(forUri, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || !url.Contains("://", StringComparison.Ordinal))
        {
            throw CoordinatorException.BadInput($"{shown} is not a URL: give e.g. http://127.0.0.1:5080", Setting);
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            throw CoordinatorException.BadInput(
                $"{shown}: the server speaks plain HTTP only (no certificate is configured): listen on http://127.0.0.1:PORT and put a TLS reverse proxy in front (docs/security.md)",
                Setting);
        }
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw CoordinatorException.BadInput($"{shown}: only http:// addresses are served, e.g. http://127.0.0.1:5080", Setting);
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw CoordinatorException.BadInput($"{shown}: give scheme, host and port only (no path, query or user), e.g. http://127.0.0.1:5080", Setting);
        }
        // The host as typed: Uri rewrites some names (it reports "loopback" as a loopback host), Kestrel does not.
        var host = HostAsTyped(url);
        if (!IPAddress.TryParse(host, out var address))
        {
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                if (uri.Port == 0)
                {
                    throw CoordinatorException.BadInput($"{shown}: port 0 (any free port) needs an address, not the name localhost: use http://127.0.0.1:0", Setting);
                }
                return new ListenUrl(url, ListenScope.Loopback);
            }
            return new ListenUrl(url, ListenScope.EveryInterface);
        }
        if (address.IsIPv4MappedToIPv6)
        {
            // Kestrel binds it as IPv6 only, which the OS refuses (EINVAL): say what works instead.
            throw CoordinatorException.BadInput(
                $"{shown}: an IPv4-mapped IPv6 address cannot be listened on: give the IPv4 address itself, e.g. http://{address.MapToIPv4()}:{uri.Port}", Setting);
        }
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return new ListenUrl(url, ListenScope.EveryInterface);
        }
        return new ListenUrl(url, IPAddress.IsLoopback(address) ? ListenScope.Loopback : ListenScope.Address);
    }

    private static string HostAsTyped(string url)
    {
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[1..close];
        }
        var end = authority.IndexOfAny([':', '/']);
        return end < 0 ? authority : authority[..end];
    }

    /// <summary>
    /// The addresses Kestrel reports as bound (IServerAddressesFeature) that are not loopback. The second check of
    /// insecure mode: whatever the names given, this is what the network can reach.
    /// </summary>
    public static IReadOnlyList<string> NotLoopback(IEnumerable<string> boundAddresses) =>
        boundAddresses.Where(a => !IsLoopbackAddress(a)).ToList();

    private static bool IsLoopbackAddress(string bound)
    {
        if (!Uri.TryCreate(bound.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return false;
        }
        var host = HostAsTyped(bound);
        // Kestrel reports "localhost" only when it bound both loopback addresses for that name.
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
