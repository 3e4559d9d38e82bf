namespace Coordinator.Kernel.Configuration;

internal enum HoconTokenKind
{
    EndOfFile,
    Newline,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    QuotedString,
    UnquotedText,
    Substitution,
}

/// <summary>
/// One token. <see cref="LeadingWhitespace"/> is the inline whitespace before it, which HOCON keeps inside
/// concatenations such as <c>a = foo bar</c>.
/// </summary>
internal sealed record HoconToken(
    HoconTokenKind Kind,
    string Text,
    HoconPosition Position,
    string LeadingWhitespace,
    bool OptionalSubstitution = false)
{
    public bool StartsValue => Kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedText
        or HoconTokenKind.Substitution or HoconTokenKind.LeftBrace or HoconTokenKind.LeftBracket;

    /// <summary>How the token reads in an error message ("found ...").</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.EndOfFile => "end of file",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Comma => "','",
        HoconTokenKind.Colon => "':'",
        HoconTokenKind.Equals => "'='",
        HoconTokenKind.PlusEquals => "'+='",
        HoconTokenKind.LeftBrace => "'{'",
        HoconTokenKind.RightBrace => "'}'",
        HoconTokenKind.LeftBracket => "'['",
        HoconTokenKind.RightBracket => "']'",
        HoconTokenKind.QuotedString => $"quoted string \"{Text}\"",
        HoconTokenKind.UnquotedText => $"'{Text}'",
        HoconTokenKind.Substitution => OptionalSubstitution ? $"'${{?{Text}}}'" : $"'${{{Text}}}'",
        _ => Kind.ToString(),
    };
}
