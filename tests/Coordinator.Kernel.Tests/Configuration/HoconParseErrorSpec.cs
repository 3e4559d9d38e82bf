using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

/// <summary>Every syntax error names file:line:column and what was expected.</summary>
public sealed class HoconParseErrorSpec
{
    [Theory]
    [InlineData("a {\n  throughput }", "test.conf:2:14: expected '=' or ':' or '{' after key \"throughput\", found '}'")]
    [InlineData("a = 1\nb", "test.conf:2:2: expected '=' or ':' or '{' after key \"b\", found end of file")]
    [InlineData("key value", "test.conf:1:10: expected '=' or ':' or '{' after key \"key value\", found end of file")]
    [InlineData("a ${b}", "test.conf:1:3: expected '=' or ':' or '{' after key \"a\", found '${b}'")]
    [InlineData("a =\nb = 1", "test.conf:2:3: expected ',' or a new line after the value of key \"a\", found '='")]
    [InlineData("a =\n\n", "test.conf:3:1: expected a value for key \"a\" after '=', found end of file")]
    [InlineData("a = }", "test.conf:1:5: expected a value for key \"a\" after '=', found '}'")]
    [InlineData("a : ", "test.conf:1:5: expected a value for key \"a\" after ':', found end of file")]
    [InlineData("= 1", "test.conf:1:1: expected a key, found '='")]
    [InlineData("a = 1,, b = 2", "test.conf:1:7: expected a key, found ','")]
    [InlineData("a = 1 = 2", "test.conf:1:7: expected ',' or a new line after the value of key \"a\", found '='")]
    [InlineData("a {\n  b = 1\n", "test.conf:3:1: expected '}' to close the object opened at 1:3, found end of file")]
    [InlineData("a = 1\n}", "test.conf:2:1: unexpected '}' with no matching '{'")]
    [InlineData("{ a = 1 }\nb = 2", "test.conf:2:1: expected end of file after the root object's closing '}', found 'b'")]
    [InlineData("a = [1, 2", "test.conf:1:10: expected ']' to close the list opened at 1:5, found end of file")]
    [InlineData("a = [1 : 2]", "test.conf:1:8: expected ',' or ']' in the list opened at 1:5, found ':'")]
    [InlineData("a = [,]", "test.conf:1:6: expected a value or ']' in the list opened at 1:5, found ','")]
    [InlineData("a = \"open", "test.conf:1:5: unterminated quoted string: expected '\"' before the end of the line; use \"\"\"...\"\"\" for multi-line text")]
    [InlineData("a = \"bad \\q\"", "test.conf:1:10: invalid escape '\\q' in quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")]
    [InlineData("a = \"\\u12\"", "test.conf:1:6: invalid escape '\\u': expected four hex digits, as in \\u00e9")]
    [InlineData("a = \"\"\"never closed", "test.conf:1:5: unterminated triple-quoted string: expected closing '\"\"\"'")]
    [InlineData("a = ${b", "test.conf:1:5: unterminated substitution: expected '}' to close '${'")]
    [InlineData("a = ${\"x\\", "test.conf:1:5: unterminated substitution: expected '}' to close '${'")]
    [InlineData("a = ${ }", "test.conf:1:5: empty substitution: expected a path inside '${}', as in ${akka.loglevel}")]
    [InlineData("a = ${b..c}", "test.conf:1:5: invalid substitution path: empty key in path \"b..c\"; quote keys that contain '.'")]
    [InlineData("a = x^y", "test.conf:1:6: unexpected character '^'; put values containing it in double quotes")]
    [InlineData("a = $x", "test.conf:1:5: unexpected character '$'; put values containing it in double quotes")]
    [InlineData("a = 1 + 2", "test.conf:1:7: unexpected character '+'; put values containing it in double quotes")]
    [InlineData("a..b = 1", "test.conf:1:1: empty key in path \"a..b\"; quote keys that contain '.'")]
    [InlineData("a. = 1", "test.conf:1:1: empty key at the end of path \"a.\"")]
    [InlineData("include \"x\" junk", "test.conf:1:13: expected ',' or a new line after include \"x\", found 'junk'")]
    [InlineData("include required(\"x\"", "test.conf:1:21: expected ')' to close the include, found end of file")]
    [InlineData("include required(x)", "test.conf:1:9: unsupported include 'required(x)': use include \"file\", include file(\"file\") or include required(\"file\")")]
    [InlineData("include required(file(x))", "test.conf:1:9: unsupported include 'required(file(x))': use include \"file\", include file(\"file\") or include required(\"file\")")]
    [InlineData("include required( 1 )", "test.conf:1:19: expected a quoted file name in include, found '1'")]
    [InlineData("a {\n  throughput\n}", "test.conf:2:13: expected '=' or ':' or '{' after key \"throughput\", found end of line")]
    public void Malformed_documents_fail_with_position_and_expectation(string text, string message)
    {
        var ex = Hocon.Fails(text);
        Assert.Equal(message, ex.Message);
        Assert.Equal(ex.Message, $"{ex.Position}: {ex.Reason}");
    }

    [Fact]
    public void Errors_from_a_file_name_the_file_as_given()
    {
        var dir = new TempDirectory();
        try
        {
            var path = dir.Write("akka.hocon", "akka {\n  actor {\n    default-dispatcher {\n      throughput }\n  }\n}\n");
            var ex = Assert.Throws<HoconParseException>(() => ConfigurationFactory.FromFile(path));
            Assert.Equal($"{path}:4:18: expected '=' or ':' or '{{' after key \"throughput\", found '}}'", ex.Message);
        }
        finally
        {
            dir.Dispose();
        }
    }

    [Fact]
    public void Column_counts_from_one_after_tabs_and_comments()
    {
        var ex = Hocon.Fails("# comment\n\tkey ]");
        Assert.Equal(new HoconPosition(Hocon.Source, 2, 6), ex.Position);
    }
}
