using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconRobustnessSpec
{
    private const string Alphabet = "ab1 .=:{}[],\n\"\\$?#/+-\tinclude";

    private static readonly string[] _tokens =
    [
        "a", "b", "a.b", "b.a", "${a}", "${?a}", "${b}", "${a.b}", "${?b.a}", " = ", ":", "{", "}", "[", "]", ",", "\n", " ",
        "+=", "\"s\"", "1", "x y", "null",
    ];

    [Fact]
    public void Random_token_soup_with_substitutions_either_resolves_or_fails_with_a_positioned_parse_error()
    {
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => _tokens[random.Next(_tokens.Length)]));
            Check(text);
        }
    }

    [Fact]
    public void Random_text_either_parses_or_fails_with_a_positioned_parse_error()
    {
        // Fixed seed: deterministic, but covers thousands of odd token sequences.
        var random = new Random(20261122);
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = Alphabet[random.Next(Alphabet.Length)];
            }

            Check(new string(chars));
        }
    }

    private static void Check(string text)
    {
        try
        {
            var config = Hocon.Parse(text);
            _ = config.ToString();
        }
        catch (HoconParseException ex)
        {
            Assert.True(ex.Position.Line >= 1 && ex.Position.Column >= 1, $"bad position for {text}: {ex.Message}");
            Assert.StartsWith($"{Hocon.Source}:", ex.Message);
        }
        catch (Exception ex)
        {
            Assert.Fail($"'{text.Replace("\n", "\\n")}' threw {ex.GetType().Name}: {ex.Message}");
        }
    }
}
