using System.Globalization;
using System.Text;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Splits HOCON text into tokens, tracking line and column. Comments are dropped; newlines are tokens
/// because they separate fields and list elements.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters HOCON forbids in unquoted text (besides whitespace and the start of "//").
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _source;
    private readonly List<HoconToken> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public static List<HoconToken> Tokenize(string text, string source)
    {
        var tokenizer = new HoconTokenizer(text, source);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private bool AtEnd => _index >= _text.Length;

    private char Current => _text[_index];

    private HoconPosition Here => new(_source, _line, _column);

    private char PeekAt(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private void Run()
    {
        while (true)
        {
            var whitespace = ReadInlineWhitespace();
            if (AtEnd)
            {
                Add(HoconTokenKind.EndOfFile, string.Empty, Here, whitespace);
                return;
            }

            var position = Here;
            var c = Current;
            if (c == '#' || (c == '/' && PeekAt(1) == '/'))
            {
                SkipComment();
                continue;
            }

            switch (c)
            {
                case '\n':
                    Advance();
                    Add(HoconTokenKind.Newline, "\n", position, whitespace);
                    break;
                case ',':
                    AddSingle(HoconTokenKind.Comma, position, whitespace);
                    break;
                case ':':
                    AddSingle(HoconTokenKind.Colon, position, whitespace);
                    break;
                case '=':
                    AddSingle(HoconTokenKind.Equals, position, whitespace);
                    break;
                case '{':
                    AddSingle(HoconTokenKind.LeftBrace, position, whitespace);
                    break;
                case '}':
                    AddSingle(HoconTokenKind.RightBrace, position, whitespace);
                    break;
                case '[':
                    AddSingle(HoconTokenKind.LeftBracket, position, whitespace);
                    break;
                case ']':
                    AddSingle(HoconTokenKind.RightBracket, position, whitespace);
                    break;
                case '+' when PeekAt(1) == '=':
                    Advance();
                    Advance();
                    Add(HoconTokenKind.PlusEquals, "+=", position, whitespace);
                    break;
                case '"' when PeekAt(1) == '"' && PeekAt(2) == '"':
                    Add(HoconTokenKind.QuotedString, ReadTripleQuoted(), position, whitespace);
                    break;
                case '"':
                    Add(HoconTokenKind.QuotedString, ReadQuoted(), position, whitespace);
                    break;
                case '$' when PeekAt(1) == '{':
                    ReadSubstitution(position, whitespace);
                    break;
                default:
                    if (Forbidden.Contains(c))
                    {
                        throw new HoconParseException(
                            position,
                            $"unexpected character '{c}'; put values containing it in double quotes");
                    }

                    Add(HoconTokenKind.UnquotedText, ReadUnquoted(), position, whitespace);
                    break;
            }
        }
    }

    private void Add(HoconTokenKind kind, string text, HoconPosition position, string whitespace, bool optional = false) =>
        _tokens.Add(new HoconToken(kind, text, position, whitespace, optional));

    private void AddSingle(HoconTokenKind kind, HoconPosition position, string whitespace)
    {
        var text = Current.ToString();
        Advance();
        Add(kind, text, position, whitespace);
    }

    private void Advance()
    {
        if (Current == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _index++;
    }

    private static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private string ReadInlineWhitespace()
    {
        var start = _index;
        while (!AtEnd && IsInlineWhitespace(Current))
        {
            Advance();
        }

        return _text[start.._index];
    }

    private void SkipComment()
    {
        while (!AtEnd && Current != '\n')
        {
            Advance();
        }
    }

    private string ReadUnquoted()
    {
        var start = _index;
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\n' || IsInlineWhitespace(c) || Forbidden.Contains(c) || (c == '/' && PeekAt(1) == '/'))
            {
                break;
            }

            Advance();
        }

        return _text[start.._index];
    }

    private string ReadQuoted()
    {
        var start = Here;
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw new HoconParseException(
                    start,
                    "unterminated quoted string: expected '\"' before the end of the line; use \"\"\"...\"\"\" for multi-line text");
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                return builder.ToString();
            }

            if (c == '\\')
            {
                builder.Append(ReadEscape());
                continue;
            }

            builder.Append(c);
            Advance();
        }
    }

    private char ReadEscape()
    {
        var position = Here;
        Advance();
        var c = AtEnd ? '\0' : Current;
        char result;
        switch (c)
        {
            case '"': result = '"'; break;
            case '\\': result = '\\'; break;
            case '/': result = '/'; break;
            case 'b': result = '\b'; break;
            case 'f': result = '\f'; break;
            case 'n': result = '\n'; break;
            case 'r': result = '\r'; break;
            case 't': result = '\t'; break;
            case 'u':
                if (_index + 4 < _text.Length
                    && ushort.TryParse(_text.AsSpan(_index + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    for (var i = 0; i < 5; i++)
                    {
                        Advance();
                    }

                    return (char)code;
                }

                throw new HoconParseException(position, "invalid escape '\\u': expected four hex digits, as in \\u00e9");
            default:
                var shown = c == '\0' || c == '\n' ? "end of line" : $"'\\{c}'";
                throw new HoconParseException(
                    position,
                    $"invalid escape {shown} in quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }

        Advance();
        return result;
    }

    private string ReadTripleQuoted()
    {
        var start = Here;
        Advance();
        Advance();
        Advance();
        var contentStart = _index;
        while (!AtEnd)
        {
            if (Current == '"' && PeekAt(1) == '"' && PeekAt(2) == '"')
            {
                // A run of more than three quotes ends with the last three; the extra ones are content.
                var runEnd = _index;
                while (runEnd < _text.Length && _text[runEnd] == '"')
                {
                    runEnd++;
                }

                var content = _text[contentStart..(runEnd - 3)];
                while (_index < runEnd)
                {
                    Advance();
                }

                return content;
            }

            Advance();
        }

        throw new HoconParseException(start, "unterminated triple-quoted string: expected closing '\"\"\"'");
    }

    private void ReadSubstitution(HoconPosition position, string whitespace)
    {
        Advance();
        Advance();
        var optional = false;
        if (!AtEnd && Current == '?')
        {
            optional = true;
            Advance();
        }

        var start = _index;
        var inQuotes = false;
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw new HoconParseException(position, "unterminated substitution: expected '}' to close '${'");
            }

            var c = Current;
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\\' && inQuotes && PeekAt(1) is not ('\0' or '\n'))
            {
                Advance();
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            Advance();
        }

        var path = _text[start.._index].Trim();
        Advance();
        if (path.Length == 0)
        {
            throw new HoconParseException(position, "empty substitution: expected a path inside '${}', as in ${akka.loglevel}");
        }

        Add(HoconTokenKind.Substitution, path, position, whitespace, optional);
    }
}
