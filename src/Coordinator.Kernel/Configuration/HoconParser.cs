using System.Text;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Builds the (still unresolved) tree of one HOCON document from its tokens. Duplicate keys merge as HOCON
/// says: objects merge field by field, anything else replaces. Self-references (<c>a = ${a} ...</c>,
/// <c>a += x</c>) are replaced here by the value defined so far, so the resolver never sees them.
/// </summary>
internal sealed class HoconParser
{
    // Far beyond any real config; deeper input would otherwise end in a stack overflow.
    private const int MaxDepth = 200;

    private static readonly string[] _includeKinds = ["required(", "file(", "classpath(", "url("];

    private readonly List<HoconToken> _tokens;
    private readonly string _sourceName;
    private readonly string? _filePath;
    private readonly HoconIncluder _includer;
    private readonly IReadOnlyList<string> _substitutionPrefix;

    // Objects under construction, outermost first: where self-references look for the value "below".
    private readonly List<HoconParseFrame> _frames;
    private int _index;
    private int _depth;

    private HoconParser(
        string text,
        string sourceName,
        string? filePath,
        HoconIncluder includer,
        IReadOnlyList<string> substitutionPrefix,
        IReadOnlyList<HoconParseFrame> outerFrames)
    {
        _tokens = HoconTokenizer.Tokenize(text, sourceName);
        _sourceName = sourceName;
        _filePath = filePath;
        _includer = includer;
        _substitutionPrefix = substitutionPrefix;
        _frames = [.. outerFrames];
    }

    /// <summary>Parses a whole document; <paramref name="prefix"/> is where it is included (empty at the root).</summary>
    public static HoconObject Parse(
        string text,
        string sourceName,
        string? filePath,
        HoconIncluder includer,
        IReadOnlyList<string> prefix,
        IReadOnlyList<HoconParseFrame> outerFrames)
    {
        var parser = new HoconParser(text, sourceName, filePath, includer, prefix, outerFrames);
        return parser.ParseDocument(prefix);
    }

    private HoconToken Peek => _tokens[_index];

    private HoconToken Next() => _tokens[_index++];

    private HoconObject ParseDocument(IReadOnlyList<string> prefix)
    {
        SkipNewlines();
        if (Peek.Kind == HoconTokenKind.LeftBrace)
        {
            var root = ParseObject(Next(), prefix);
            SkipNewlines();
            if (Peek.Kind != HoconTokenKind.EndOfFile)
            {
                throw Error(Peek, $"expected end of file after the root object's closing '}}', found {Peek.Describe()}");
            }

            return root;
        }

        var body = new HoconObject(Peek.Position);
        _frames.Add(new HoconParseFrame(body, prefix));
        ParseObjectBody(body, prefix, open: null);
        _frames.RemoveAt(_frames.Count - 1);
        return body;
    }

    private HoconObject ParseObject(HoconToken open, IReadOnlyList<string>? prefix)
    {
        EnterNesting(open);
        var target = new HoconObject(open.Position);
        _frames.Add(new HoconParseFrame(target, prefix));
        ParseObjectBody(target, prefix, open);
        _frames.RemoveAt(_frames.Count - 1);
        _depth--;
        return target;
    }

    private void ParseObjectBody(HoconObject target, IReadOnlyList<string>? prefix, HoconToken? open)
    {
        while (true)
        {
            SkipNewlines();
            var token = Peek;
            if (token.Kind == HoconTokenKind.RightBrace)
            {
                if (open is null)
                {
                    throw Error(token, "unexpected '}' with no matching '{'");
                }

                Next();
                return;
            }

            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                if (open is null)
                {
                    return;
                }

                throw Error(
                    token,
                    $"expected '}}' to close the object opened at {open.Position.Line}:{open.Position.Column}, found end of file");
            }

            var what = IsInclude() ? ParseInclude(target, prefix) : ParseField(target, prefix);

            var separator = Peek;
            switch (separator.Kind)
            {
                case HoconTokenKind.Comma:
                    Next();
                    break;
                case HoconTokenKind.Newline:
                case HoconTokenKind.RightBrace:
                case HoconTokenKind.EndOfFile:
                    break;
                default:
                    throw Error(separator, $"expected ',' or a new line after {what}, found {separator.Describe()}");
            }
        }
    }

    private string ParseField(HoconObject target, IReadOnlyList<string>? prefix)
    {
        var keyToken = Peek;
        var (keys, keyText) = ParseKey();
        List<string>? fullPath = prefix is null ? null : [.. prefix, .. keys];
        var separator = Peek;
        HoconValue? value;
        switch (separator.Kind)
        {
            case HoconTokenKind.Equals:
            case HoconTokenKind.Colon:
                Next();

                // JSON allows a line break between ':' and the value, and HOCON is a JSON superset.
                SkipNewlines();
                value = ParseValue(fullPath, $"key \"{keyText}\" after {separator.Describe()}");
                break;
            case HoconTokenKind.LeftBrace:
                value = ParseValue(fullPath, $"key \"{keyText}\"");
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipNewlines();
                var element = ParseValue(null, $"key \"{keyText}\" after '+='");
                var appended = new HoconArray([element], element.Position);

                // a += x means a = ${?a} [x]; the earlier value is known now, so use it directly.
                var previous = fullPath is null ? Find(target, keys) : LookupPrevious(fullPath);
                value = previous is null
                    ? appended
                    : new HoconConcatenation([previous.Clone(), appended], ["", ""], separator.Position);
                break;
            default:
                throw Error(
                    separator,
                    $"expected '=' or ':' or '{{' after key \"{keyText}\", found {separator.Describe()}");
        }

        if (fullPath is not null)
        {
            value = ReplaceSelfReferences(value, fullPath);
        }

        if (value is not null)
        {
            Assign(target, keys, value, keyToken.Position);
        }

        return $"the value of key \"{keyText}\"";
    }

    private (List<string> Keys, string Text) ParseKey()
    {
        var first = Peek;
        if (first.Kind is not (HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText))
        {
            throw Error(first, $"expected a key, found {first.Describe()}");
        }

        var keys = new List<string>();
        var current = new StringBuilder();
        var text = new StringBuilder();
        var quoted = false;
        var isFirst = true;
        while (Peek.Kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText)
        {
            var token = Next();
            if (!isFirst)
            {
                current.Append(token.LeadingWhitespace);
                text.Append(token.LeadingWhitespace);
            }

            isFirst = false;
            if (token.Kind == HoconTokenKind.QuotedString)
            {
                current.Append(token.Text);
                text.Append('"').Append(token.Text).Append('"');
                quoted = true;
                continue;
            }

            text.Append(token.Text);
            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    continue;
                }

                if (current.Length == 0 && !quoted)
                {
                    throw Error(token, $"empty key in path \"{text}\"; quote keys that contain '.'");
                }

                keys.Add(current.ToString());
                current.Clear();
                quoted = false;
            }
        }

        if (current.Length == 0 && !quoted)
        {
            throw Error(first, $"empty key at the end of path \"{text}\"");
        }

        keys.Add(current.ToString());
        return (keys, text.ToString());
    }

    /// <summary>One value: the adjacent pieces up to the end of the line, ',' or a closing bracket.</summary>
    private HoconValue ParseValue(IReadOnlyList<string>? path, string context)
    {
        if (!Peek.StartsValue)
        {
            throw Error(Peek, $"expected a value for {context}, found {Peek.Describe()}");
        }

        var start = Peek.Position;
        var pieces = new List<HoconValue>();
        var whitespace = new List<string>();
        while (Peek.StartsValue)
        {
            var token = Next();
            whitespace.Add(pieces.Count == 0 ? string.Empty : token.LeadingWhitespace);
            switch (token.Kind)
            {
                case HoconTokenKind.QuotedString:
                    pieces.Add(new HoconLiteral(token.Text, HoconValueType.String, token.Position));
                    break;
                case HoconTokenKind.UnquotedText:
                    pieces.Add(HoconLiteral.FromUnquoted(token.Text, token.Position));
                    break;
                case HoconTokenKind.Substitution:
                    pieces.Add(ParseSubstitution(token));
                    break;
                case HoconTokenKind.LeftBrace:
                    pieces.Add(ParseObject(token, path));
                    break;
                default:
                    pieces.Add(ParseArray(token));
                    break;
            }
        }

        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        // Plain text such as "foo bar" or "10 seconds" is known now; anything else waits for resolution.
        if (pieces.All(p => p is HoconLiteral))
        {
            var text = new StringBuilder();
            for (var i = 0; i < pieces.Count; i++)
            {
                text.Append(whitespace[i]).Append(pieces[i].GetString() ?? "null");
            }

            return new HoconLiteral(text.ToString(), HoconValueType.String, start);
        }

        return new HoconConcatenation(pieces, whitespace, start);
    }

    private HoconSubstitution ParseSubstitution(HoconToken token)
    {
        var keys = HoconPath.TryParse(token.Text, out var error)
            ?? throw Error(token, $"invalid substitution path: {error}");
        return new HoconSubstitution([.. _substitutionPrefix, .. keys], token.Text, token.OptionalSubstitution, token.Position);
    }

    private HoconArray ParseArray(HoconToken open)
    {
        EnterNesting(open);
        try
        {
            return ParseArrayBody(open);
        }
        finally
        {
            _depth--;
        }
    }

    private void EnterNesting(HoconToken open)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(open, $"objects and lists are nested more than {MaxDepth} levels deep; flatten the structure");
        }
    }

    private HoconArray ParseArrayBody(HoconToken open)
    {
        var items = new List<HoconValue>();
        var where = $"the list opened at {open.Position.Line}:{open.Position.Column}";
        SkipNewlines();
        while (true)
        {
            var token = Peek;
            if (token.Kind == HoconTokenKind.RightBracket)
            {
                Next();
                return new HoconArray(items, open.Position);
            }

            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                throw Error(token, $"expected ']' to close {where}, found end of file");
            }

            if (!token.StartsValue)
            {
                throw Error(token, $"expected a value or ']' in {where}, found {token.Describe()}");
            }

            items.Add(ParseValue(null, $"an element of {where}"));
            var separator = Peek;
            switch (separator.Kind)
            {
                case HoconTokenKind.Comma:
                    Next();
                    SkipNewlines();
                    break;
                case HoconTokenKind.Newline:
                    SkipNewlines();
                    break;
                case HoconTokenKind.RightBracket:
                    break;
                case HoconTokenKind.EndOfFile:
                    throw Error(separator, $"expected ']' to close {where}, found end of file");
                default:
                    throw Error(separator, $"expected ',' or ']' in {where}, found {separator.Describe()}");
            }
        }
    }

    private bool IsInclude()
    {
        var token = Peek;
        if (token.Kind != HoconTokenKind.UnquotedText || token.Text != "include")
        {
            return false;
        }

        var next = _tokens[_index + 1];
        return next.Kind == HoconTokenKind.QuotedString
            || (next.Kind == HoconTokenKind.UnquotedText && _includeKinds.Any(k => next.Text.StartsWith(k, StringComparison.Ordinal)));
    }

    private string ParseInclude(HoconObject target, IReadOnlyList<string>? prefix)
    {
        var keyword = Next();
        var token = Next();
        var required = false;
        var closers = 0;
        if (token.Kind == HoconTokenKind.UnquotedText)
        {
            var text = token.Text;
            if (text.StartsWith("required(", StringComparison.Ordinal))
            {
                required = true;
                closers++;
                text = text["required(".Length..];
            }

            if (text.StartsWith("file(", StringComparison.Ordinal))
            {
                closers++;
                text = text["file(".Length..];
            }

            if (text.Length > 0)
            {
                throw Error(
                    token,
                    $"unsupported include '{token.Text}': use include \"file\", include file(\"file\") or include required(\"file\")");
            }

            token = Next();
            if (token.Kind != HoconTokenKind.QuotedString)
            {
                throw Error(token, $"expected a quoted file name in include, found {token.Describe()}");
            }

            var close = Peek;
            if (close.Kind != HoconTokenKind.UnquotedText || close.Text != new string(')', closers))
            {
                throw Error(close, $"expected '{new string(')', closers)}' to close the include, found {close.Describe()}");
            }

            Next();
        }

        var included = _includer.Include(
            token.Text,
            required,
            _sourceName,
            _filePath,
            keyword.Position,
            prefix ?? [],
            _frames);
        if (included is not null)
        {
            foreach (var (key, value) in included.Items)
            {
                MergeInto(target, key, value);
            }
        }

        return $"include \"{token.Text}\"";
    }

    /// <summary>Sets <paramref name="keys"/> (a dotted path) in <paramref name="target"/>, creating objects on the way.</summary>
    private static void Assign(HoconObject target, List<string> keys, HoconValue value, HoconPosition position)
    {
        var current = target;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (current.TryGetValue(keys[i], out var existing) && existing is HoconObject existingObject)
            {
                current = existingObject;
                continue;
            }

            var created = new HoconObject(position);
            current.Set(
                keys[i],
                existing is not null && !existing.IsResolved ? new HoconMerge([existing, created], position) : created);
            current = created;
        }

        MergeInto(current, keys[^1], value);
    }

    /// <summary>HOCON duplicate-key rule: an object merges into an earlier object; anything else replaces.</summary>
    private static void MergeInto(HoconObject target, string key, HoconValue value)
    {
        if (!target.TryGetValue(key, out var existing))
        {
            target.Set(key, value);
            return;
        }

        if (!value.IsResolved)
        {
            // Known only after resolution: an undefined ${?x} must leave the earlier value in place.
            target.Set(key, new HoconMerge([existing, value], value.Position));
            return;
        }

        if (value is not HoconObject newer)
        {
            target.Set(key, value);
            return;
        }

        if (existing is HoconObject older)
        {
            foreach (var (childKey, childValue) in newer.Items)
            {
                MergeInto(older, childKey, childValue);
            }
        }
        else if (!existing.IsResolved)
        {
            target.Set(key, new HoconMerge([existing, newer], newer.Position));
        }
        else
        {
            target.Set(key, newer);
        }
    }

    /// <summary>
    /// Replaces <c>${path}</c> inside the value of <c>path</c> with the value defined so far, which is what a
    /// self-reference means in HOCON. Returns null when nothing is left (an undefined <c>${?path}</c> alone).
    /// </summary>
    private HoconValue? ReplaceSelfReferences(HoconValue value, List<string> path)
    {
        switch (value)
        {
            case HoconSubstitution substitution when substitution.Path.SequenceEqual(path):
                var previous = LookupPrevious(path);
                if (previous is not null)
                {
                    return previous.Clone();
                }

                return substitution.Optional
                    ? null
                    : new HoconSubstitution(substitution.Path, substitution.Text, false, substitution.Position)
                    {
                        EnvironmentOnly = true,
                    };
            case HoconConcatenation concatenation:
                var pieces = new List<HoconValue>();
                var whitespace = new List<string>();
                for (var i = 0; i < concatenation.Pieces.Count; i++)
                {
                    var replaced = ReplaceSelfReferences(concatenation.Pieces[i], path);
                    if (replaced is not null)
                    {
                        whitespace.Add(pieces.Count == 0 ? string.Empty : concatenation.Whitespace[i]);
                        pieces.Add(replaced);
                    }
                }

                return pieces.Count == 0 ? null : new HoconConcatenation(pieces, whitespace, concatenation.Position);
            case HoconArray array:
                // l = [${?l}, x] refers to the earlier l as well.
                return new HoconArray(
                    array.Items.Select(i => ReplaceSelfReferences(i, path)).OfType<HoconValue>(),
                    array.Position);
            case HoconMerge merge:
                return new HoconMerge(
                    [.. merge.Layers.Select(l => ReplaceSelfReferences(l, path)).OfType<HoconValue>()],
                    merge.Position);
            default:
                return value;
        }
    }

    private HoconValue? LookupPrevious(List<string> path)
    {
        for (var f = _frames.Count - 1; f >= 0; f--)
        {
            var frame = _frames[f];
            if (frame.Prefix is null || frame.Prefix.Count >= path.Count || !path.Take(frame.Prefix.Count).SequenceEqual(frame.Prefix))
            {
                continue;
            }

            var found = Find(frame.Target, path.Skip(frame.Prefix.Count));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static HoconValue? Find(HoconObject root, IEnumerable<string> keys)
    {
        HoconValue current = root;
        foreach (var key in keys)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out current!))
            {
                return null;
            }
        }

        return current;
    }

    private void SkipNewlines()
    {
        while (Peek.Kind == HoconTokenKind.Newline)
        {
            _index++;
        }
    }

    private static HoconParseException Error(HoconToken token, string message) => new(token.Position, message);
}

/// <summary>An object under construction and its absolute path (null inside lists, where paths are unknown).</summary>
internal readonly record struct HoconParseFrame(HoconObject Target, IReadOnlyList<string>? Prefix);
