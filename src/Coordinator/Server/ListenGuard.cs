using Coordinator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Server;

/// <summary>
/// Starts the web server and checks what it bound: a failure to listen (port in use, an address this machine does
/// not have) becomes one line naming --urls, and in insecure mode any bound address that is not loopback stops the
/// server at once — the last word on "loopback only" is what Kestrel actually bound, whatever name was given.
/// </summary>
internal static class ListenGuard
{
    public static async Task StartAsync(WebApplication app, bool insecure, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            // How Kestrel fails to bind (in use: IOException; not this machine's address: SocketException). Its messages
            // are one sentence; the stack is of no use to whoever typed the address.
            throw CoordinatorException.Environment(
                $"cannot listen: {BoundedText.Message(ex.Message.ReplaceLineEndings(" "))}: check the address is this machine's and the port is free",
                ListenUrls.Setting, ex);
        }
        if (!insecure)
        {
            return;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (ListenUrls.NotLoopback(bound) is { Count: > 0 } exposed)
        {
            await app.StopAsync(CancellationToken.None);
            throw CoordinatorException.BadInput(
                $"only allowed on loopback addresses, but the server bound {string.Join(", ", exposed)}: use http://127.0.0.1:PORT, or give a token instead",
                "insecure-no-auth");
        }
    }
}
