using System.Net.Sockets;
using System.Text;

namespace Coordinator.Tests.Server;

/// <summary>
/// Sends one request as raw bytes: header values HttpClient refuses to send (control and non-ASCII characters), or a
/// Content-Length the body never reaches (HttpClient would insist on sending it all to a server that has answered).
/// </summary>
public static class RawHttp
{
    public static async Task<int> StatusOfGetAsync(Uri baseAddress, string path, byte[] authorizationValue)
    {
        var head = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\nAuthorization: ");
        var (status, _) = await SendAsync(baseAddress, [.. head, .. authorizationValue, .. "\r\n\r\n"u8]);
        return status;
    }

    /// <summary>The status code and the whole response (head and body) as Latin-1 text.</summary>
    public static async Task<(int Status, string Response)> SendAsync(Uri baseAddress, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        // "HTTP/1.1 401 Unauthorized"
        var parts = response.Split('\n', 2)[0].Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status)
            ? (status, response)
            : throw new InvalidOperationException($"no status line: '{response[..Math.Min(200, response.Length)]}'");
    }
}
