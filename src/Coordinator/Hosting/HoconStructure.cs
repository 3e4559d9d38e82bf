namespace Coordinator.Hosting;

/// <summary>
/// Checks that the braces and brackets of a HOCON text pair up before Akka's parser sees it. Akka.NET 1.5's parser
/// accepts an unclosed <c>{</c> or a stray <c>}</c> silently (a truncated file would load as if complete) and, given an
/// array closed by a brace (<c>x = [ 1 }</c>), loops allocating memory until the process is killed. Quoted strings
/// (with escapes), triple-quoted strings and comments (<c>#</c>, <c>//</c>) are skipped. It also refuses <c>include</c>,
/// which that parser, given no way to resolve it, answers with a NullReferenceException.
/// </summary>
internal static class HoconStructure
{
    /// <summary>Null when every bracket pairs up; else where and what is wrong, e.g. "line 3, column 5: '}' closes '[' opened at line 2, column 9".</summary>
    public static string? FindError(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        var line = 1;
        var column = 0;
        // At the start of a statement (the file's, a line's, after '{' or ','), where an include would be.
        var statementStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                statementStart = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            if (statementStart && string.CompareOrdinal(text, i, "include", 0, 7) == 0 && (i + 7 == text.Length || char.IsWhiteSpace(text[i + 7])))
            {
                // Akka's parser, given no include callback, fails with a NullReferenceException.
                return $"line {line}, column {column}: include is not supported: put the settings in this file";
            }
            statementStart = c is '{' or ',';
            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
                continue;
            }
            if (c == '"')
            {
                var triple = i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"';
                var (startLine, startColumn) = (line, column);
                i += triple ? 3 : 1;
                column += triple ? 2 : 0;
                var closed = false;
                for (; i < text.Length; i++)
                {
                    column++;
                    if (text[i] == '\n')
                    {
                        if (!triple)
                        {
                            return $"line {startLine}, column {startColumn}: the quoted string is not closed on its line";
                        }
                        line++;
                        column = 0;
                    }
                    else if (!triple && text[i] == '\\')
                    {
                        i++;
                        column++;
                    }
                    else if (text[i] == '"' && (!triple || (i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"')))
                    {
                        if (triple)
                        {
                            // A triple-quoted string ends at the last of a run of quotes.
                            while (i + 3 < text.Length && text[i + 3] == '"')
                            {
                                i++;
                                column++;
                            }
                            i += 2;
                            column += 2;
                        }
                        closed = true;
                        break;
                    }
                }
                if (!closed)
                {
                    return $"line {startLine}, column {startColumn}: the quoted string is not closed";
                }
                continue;
            }
            if (c is '{' or '[')
            {
                open.Push((c, line, column));
            }
            else if (c is '}' or ']')
            {
                var expected = c == '}' ? '{' : '[';
                if (open.Count == 0)
                {
                    return $"line {line}, column {column}: '{c}' closes nothing";
                }
                var (bracket, openLine, openColumn) = open.Pop();
                if (bracket != expected)
                {
                    return $"line {line}, column {column}: '{c}' closes the '{bracket}' opened at line {openLine}, column {openColumn}";
                }
            }
        }
        if (open.Count > 0)
        {
            var (bracket, openLine, openColumn) = open.Peek();
            return $"line {openLine}, column {openColumn}: '{bracket}' is never closed";
        }
        return null;
    }
}
