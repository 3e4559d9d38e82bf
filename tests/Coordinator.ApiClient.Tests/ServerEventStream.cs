namespace Coordinator.ApiClient.Tests;

/// <summary>One server-sent event: its name, id (when it has one) and data.</summary>
public sealed record ServerEvent(string Name, string? Id, string Data);

/// <summary>Reads a text/event-stream as the WHATWG spec frames it: fields until a blank line; comment lines skipped.</summary>
public static class ServerEventStream
{
    public static async Task<IReadOnlyList<ServerEvent>> ReadAllAsync(Stream stream)
    {
        var events = new List<ServerEvent>();
        using var reader = new StreamReader(stream);
        string? name = null, id = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add(new ServerEvent(name ?? "message", id, string.Join('\n', data)));
                }
                (name, id) = (null, null);
                data.Clear();
                continue;
            }
            if (line.StartsWith(':'))
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data.Add(value); break;
            }
        }
        return events;
    }
}
