using System.Collections.Frozen;
using System.Text;

namespace CioAspNet.Rewriting;

/// <summary>
/// Decodes character references (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;#x2F;</c>) the way the WHATWG HTML
/// tokenizer does in attribute values.
/// </summary>
internal static partial class HtmlCharacterReferences
{
    private const int MaxNameLength = 33;

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Names =
        NamedReferences.ToFrozenDictionary(entry => entry.Name, entry => entry.Value, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // What numeric references to 0x80-0x9F mean: the windows-1252 characters, as the tokenizer maps them.
    private static readonly string Windows1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Decodes the references in an attribute value; text without <c>&amp;</c> comes back as it is.</summary>
    public static string DecodeAttributeValue(ReadOnlySpan<char> value)
    {
        var ampersand = value.IndexOf('&');
        if (ampersand < 0)
        {
            return value.ToString();
        }

        var result = new StringBuilder(value.Length);
        result.Append(value[..ampersand]);
        var i = ampersand;
        while (i < value.Length)
        {
            if (value[i] != '&')
            {
                var next = value[i..].IndexOf('&');
                var end = next < 0 ? value.Length : i + next;
                result.Append(value[i..end]);
                i = end;
                continue;
            }

            i = value.Length > i + 1 && value[i + 1] == '#'
                ? DecodeNumeric(value, i, result)
                : DecodeNamed(value, i, result);
        }

        return result.ToString();
    }

    private static int DecodeNamed(ReadOnlySpan<char> value, int ampersand, StringBuilder result)
    {
        var start = ampersand + 1;
        var length = 0;
        while (start + length < value.Length && length < MaxNameLength && char.IsAsciiLetterOrDigit(value[start + length]))
        {
            length++;
        }

        var withSemicolon = start + length < value.Length && value[start + length] == ';' ? length + 1 : length;
        for (var candidate = withSemicolon; candidate > 0; candidate--)
        {
            if (!Names.TryGetValue(value.Slice(start, candidate), out var expansion))
            {
                continue;
            }

            var after = start + candidate;
            var endsWithSemicolon = value[after - 1] == ';';
            if (!endsWithSemicolon && after < value.Length && (value[after] == '=' || char.IsAsciiLetterOrDigit(value[after])))
            {
                // In attributes, "&copy=" and "&copyx" stay as written, for old URLs such as "?a=1&copy=2".
                break;
            }

            result.Append(expansion);
            return after;
        }

        result.Append('&');
        return start;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> value, int ampersand, StringBuilder result)
    {
        var i = ampersand + 2;
        var hex = i < value.Length && (value[i] == 'x' || value[i] == 'X');
        var digitsStart = hex ? i + 1 : i;
        var digitsEnd = digitsStart;
        while (digitsEnd < value.Length && (hex ? char.IsAsciiHexDigit(value[digitsEnd]) : char.IsAsciiDigit(value[digitsEnd])))
        {
            digitsEnd++;
        }

        if (digitsEnd == digitsStart)
        {
            result.Append(value[ampersand..digitsStart]);
            return digitsStart;
        }

        var code = ParseCode(value[digitsStart..digitsEnd], hex);
        AppendCodePoint(result, code);
        return digitsEnd < value.Length && value[digitsEnd] == ';' ? digitsEnd + 1 : digitsEnd;
    }

    private static long ParseCode(ReadOnlySpan<char> digits, bool hex)
    {
        long code = 0;
        foreach (var digit in digits)
        {
            var digitValue = char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10;
            code = Math.Min(code * (hex ? 16 : 10) + digitValue, 0x110000);
        }

        return code;
    }

    private static void AppendCodePoint(StringBuilder result, long code)
    {
        if (code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            result.Append('\uFFFD');
        }
        else if (code is >= 0x80 and <= 0x9F)
        {
            result.Append(Windows1252[(int)code - 0x80]);
        }
        else
        {
            result.Append(char.ConvertFromUtf32((int)code));
        }
    }
}
