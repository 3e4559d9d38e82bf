using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Coordinator.Journal;
using Coordinator.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Coordinator.Tests.Server;

/// <summary>One server for the whole class: the properties throw many requests at the same instance.</summary>
public sealed class HttpSurfaceServer : IAsyncLifetime
{
    public TestEnvironment Env { get; } = new();

    public ServerRun Server { get; private set; } = null!;

    public SqliteJournal Journal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerRun.StartAsync(Env);
        Journal = new SqliteJournal(Env.JournalPath);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Journal.Dispose();
        Env.Dispose();
    }
}

/// <summary>
/// Property-based checks of the HTTP surface: random and adversarial bodies, query strings and Authorization headers
/// get only 2xx/4xx (never 5xx); every 4xx is problem details of bounded size without a stack trace; and a rejected
/// body never queues a job. Cases are drawn with FsCheck generators; a failure names the case.
/// </summary>
public sealed class HttpSurfaceProperties(HttpSurfaceServer fixture) : IClassFixture<HttpSurfaceServer>
{
    private const int MaxProblemBytes = 16 * 1024;

    private static readonly string[] KnownMembers =
        ["volumes", "provider", "persistent", "includeWriters", "excludeWriters", "action", "timeout", "program", "arguments", "workingDirectory", "Volumes", "VOLUMES"];

    private static readonly Gen<char> Character = Gen.Frequency(
        (8, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
        (2, Gen.Elements('\0', '\v', '\t', '\n', '\r', '\u001b', '\u007f', '\u00A0', '\u2028', '\uFEFF', '\uD800', '\uDFFF', '"', '\\', 'é', '中', '{', '[')));

    private static readonly Gen<string> SmallText = Gen.ListOf(Character).Select(cs => string.Concat(cs));

    /// <summary>Mostly short, sometimes huge (up to 300,000 characters) or full of terminal escapes; never nested (bodies stay a few MB).</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (10, SmallText),
        (1, Gen.Choose(1_000, 300_000).Select(n => new string('x', n))),
        (1, Gen.Choose(1_000, 100_000).Select(n => string.Concat(Enumerable.Repeat("\u001b[31m\v\u00A0", n / 6)))));

    private static readonly Gen<string> Leaf = Gen.OneOf(
        SmallText.Select(s => JsonSerializer.Serialize(s)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Elements("null", "true", "false", "1e308", "-0", "1.5", "123456789012345678901234567890", "\"\"", "[]", "{}"));

    /// <summary>
    /// A list of strings as sent: well-formed, with JSON nulls among the strings (which a list of strings accepts), with
    /// an entry of another type, or not a list at all.
    /// </summary>
    private static Gen<string> StringList(Gen<string> entries) => Gen.Frequency(
        (4, ArrayOf(entries)),
        (2, ArrayOf(Gen.Frequency((3, entries), (1, Gen.Constant("null"))))),
        (1, ArrayOf(Gen.OneOf(entries, Gen.Elements("1", "true", "{}", "[]")))),
        (1, Leaf));

    /// <summary>Mostly a value of the member's type (so the whole body reaches the validators), sometimes anything.</summary>
    private static Gen<string> MostlyTyped(Gen<string> typed, Gen<string> junk) => Gen.Frequency((5, typed), (1, junk));

    private static Gen<string> JsonValue(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (1, Gen.ListOf(JsonValue(depth - 1)).Select(items => "[" + string.Join(",", items) + "]")),
            (1, JsonObject(JsonValue(depth - 1))));

    private static readonly Gen<string> MemberName = Gen.Frequency((3, Gen.Elements(KnownMembers)), (1, SmallText));

    private static readonly Gen<string> TopMemberName = Gen.Frequency((3, Gen.Elements(KnownMembers)), (1, Text));

    private static Gen<string> JsonObject(Gen<string> values, Gen<string>? names = null) =>
        Gen.ListOf(Gen.Zip(names ?? MemberName, values)).Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");

    private static Gen<string> ArrayOf(Gen<string> items) => Gen.ListOf(items).Select(i => "[" + string.Join(",", i) + "]");

    private static Gen<string> Str(params string[] values) => Gen.Elements(values).Select(v => JsonSerializer.Serialize(v));

    /// <summary>
    /// Objects close to a real request, so the validators (not only the JSON reader) are exercised. Timeouts never
    /// include a valid duration beyond what a job can run with (that bound belongs to the duration parser).
    /// </summary>
    private static readonly Gen<string> NearlyValid =
        Gen.SubListOf(new[] { "volumes", "volumes", "timeout", "persistent", "includeWriters", "excludeWriters", "action", "provider", "persistant" })
        .SelectMany(pick => Gen.CollectToList(pick, member => (member switch
        {
            "volumes" => StringList(Gen.OneOf(Str("C:", "c:\\", "D:", "Z:\\", "", " ", "C:x", "\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\", "C:\\mnt\\x"), Text.Select(t => JsonSerializer.Serialize(t)))),
            "timeout" => MostlyTyped(
                Gen.OneOf(Str("abc", "", "10m", "0s", "-5s", "1e300s", "9223372036854775807ms", "99999999d", "1h30m", "00:10:00"), Text.Select(t => JsonSerializer.Serialize(t + "#"))),
                Gen.Elements("5", "null", "[]", "{}")),
            "persistent" => MostlyTyped(Gen.Elements("true", "false"), Gen.Elements("\"yes\"", "1", "null", "{}")),
            "includeWriters" or "excludeWriters" => StringList(Str("SqlServerWriter", "NoSuchWriter", "", "{00000000-0000-0000-0000-000000000000}")),
            "action" => MostlyTyped(
                Gen.Zip(MostlyTyped(Str("", "true", "no-such-program-anywhere", "../../../bin/true", "/"), Leaf),
                        Gen.Zip(StringList(Str("-v", "", "--")), MostlyTyped(Str("/", "/no/such/dir", "", "/tmp"), Leaf)))
                    .Select(a => $"{{\"program\":{a.Item1},\"arguments\":{a.Item2.Item1},\"workingDirectory\":{a.Item2.Item2}}}"),
                JsonValue(2)),
            "provider" => MostlyTyped(Str("auto", "simulated", "windows", "SIMULATED"), Leaf),
            _ => Leaf,
        }).Select(value => JsonSerializer.Serialize(member) + ":" + value)))
        .Select(members => "{" + string.Join(",", members) + "}");

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (4, NearlyValid.Select(Encoding.UTF8.GetBytes)),
        (2, JsonValue(3).Select(Encoding.UTF8.GetBytes)),
        (1, JsonObject(Gen.OneOf(JsonValue(1), Text.Select(t => JsonSerializer.Serialize(t))), TopMemberName).Select(Encoding.UTF8.GetBytes)),
        (1, Text.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))),
        (1, Gen.Elements("", "null", "[", "{", "{\"volumes\":", new string('[', 10_000), "{\"volumes\":[\"C:\"]}{}").Select(Encoding.UTF8.GetBytes)));

    private static void AssertContract(string what, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what}: {status} {Shorten(body)}");
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception:", body);
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {status} without problem details: {Shorten(body)}");
            Assert.True(Encoding.UTF8.GetByteCount(body) <= MaxProblemBytes, $"{what}: a {body.Length}-character problem");
            Assert.Equal(status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [Fact]
    public async Task Random_job_bodies_get_2xx_or_problem_details_and_only_accepted_ones_are_queued()
    {
        var client = fixture.Server.Client;
        var cases = Gen.Sample(Body, 150, 20);
        Assert.Equal(150, cases.Length);
        var statuses = new List<HttpStatusCode>();
        foreach (var body in cases)
        {
            var before = fixture.Journal.ListJobs(1000).Count;
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("api/jobs", content);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"POST {Shorten(Encoding.UTF8.GetString(body))}";

            AssertContract(what, response, text);
            statuses.Add(response.StatusCode);
            var after = fixture.Journal.ListJobs(1000).Count;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Assert.Equal(before + 1, after);
            }
            else
            {
                Assert.True(before == after, $"{what}: answered {(int)response.StatusCode} but queued a job");
            }
        }
        // The generators reach the validators, not only the JSON reader.
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
    }

    [Fact]
    public async Task Random_query_strings_get_the_list_or_a_problem_naming_limit()
    {
        var client = fixture.Server.Client;
        var query = Gen.Zip(
            Gen.OneOf(Text, Gen.Choose(-5, 2_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), Gen.Elements("", "1", "1000", "1e3", "0x10", " 5", "5 ", "+5", "٣")),
            Gen.ListOf(Gen.Zip(Text, Text)));
        foreach (var (limit, others) in Gen.Sample(query, 100, 20))
        {
            // 'before' is the list's other parameter, with its own 400 (an unknown job id): not drawn here.
            var parts = others.Where(p => !p.Item1.Equals("before", StringComparison.OrdinalIgnoreCase)).Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}").Prepend($"limit={Uri.EscapeDataString(limit)}");
            var path = "api/jobs?" + string.Join("&", parts);
            if (path.Length > 8_000)
            {
                continue; // Beyond any server's request-line limit; not what this checks.
            }
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();

            AssertContract($"GET {Shorten(path)}", response, text);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("limit", out _), $"GET {Shorten(path)}: {Shorten(text)}");
            }
        }
    }

    [Fact]
    public async Task Random_authorization_headers_never_authenticate_unless_they_carry_the_token()
    {
        var headerByte = Gen.Frequency(
            (8, Gen.Choose(0x20, 0x7E).Select(i => (byte)i)),
            (2, Gen.Elements<byte>(0x00, 0x09, 0x0B, 0x0C, 0x7F, 0x85, 0xA0, 0xC2, 0xFF)));
        // Kestrel refuses most control characters in a header (400) but passes VT on, which .NET's Trim() drops.
        var blank = Gen.Elements<byte>(0x20, 0x09, 0x0B);
        var value = Gen.Frequency(
            (3, Gen.ArrayOf(headerByte)),
            (3, Gen.ArrayOf(headerByte).Select(tail => Encoding.ASCII.GetBytes("Bearer ").Concat(tail).ToArray())),
            (2, Gen.Zip(Gen.ArrayOf(headerByte), Gen.ArrayOf(headerByte))
                .Select(p => p.Item1.Concat(Encoding.ASCII.GetBytes("Bearer " + ServerRun.Token)).Concat(p.Item2).ToArray())),
            // The token padded with whitespace of every kind: only spaces and tabs may be dropped (.NET's Trim drops more).
            (2, Gen.Zip(Gen.ArrayOf(blank), Gen.ArrayOf(blank))
                .Select(p => Encoding.ASCII.GetBytes("Bearer ").Concat(p.Item1).Concat(Encoding.ASCII.GetBytes(ServerRun.Token)).Concat(p.Item2).ToArray())));
        foreach (var header in Gen.Sample(value, 100, 20))
        {
            var status = await RawHttp.StatusOfGetAsync(fixture.Server.BaseAddress, "/api/jobs", header);

            // Only optional whitespace (space, tab) around the token is the token; the scheme's case does not matter.
            var trimmed = Encoding.Latin1.GetString(header).Trim(' ', '\t');
            var isToken = trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && trimmed["Bearer ".Length..].Trim(' ', '\t') == ServerRun.Token;
            var shown = Convert.ToHexString(header);
            if (isToken)
            {
                Assert.True(status == 200, $"{shown}: {status}");
            }
            else
            {
                Assert.True(status is 400 or 401, $"{shown}: {status}");
            }
        }
    }
}
