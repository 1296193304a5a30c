using System.Buffers;
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

    // The longest name that is also recognized without its ';', such as "amp" or "copy".
    private static readonly int MaxLegacyNameLength =
        NamedReferences.Where(entry => !entry.Name.EndsWith(';')).Max(entry => entry.Name.Length);

    // What numeric references to 0x80-0x9F mean: the windows-1252 characters, as the tokenizer maps them.
    private static readonly string Windows1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Decodes the references in an attribute value; text without <c>&amp;</c> comes back as it is.</summary>
    public static string DecodeAttributeValue(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('&') < 0)
        {
            return value.ToString();
        }

        // A buffer as long as the value always suffices, because no reference is shorter than its decoded text.
        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        TryDecodeAttributeValue(value, buffer, out var written);
        var decoded = new string(buffer, 0, written);
        ArrayPool<char>.Shared.Return(buffer);
        return decoded;
    }

    /// <summary>
    /// Decodes the references in an attribute value into <paramref name="destination"/>, as
    /// <see cref="DecodeAttributeValue"/> does. Returns false when the decoded text does not fit, which cannot
    /// happen when the destination is at least as long as the value.
    /// </summary>
    public static bool TryDecodeAttributeValue(ReadOnlySpan<char> value, Span<char> destination, out int written)
    {
        var result = new DecodedText(destination);
        var i = 0;
        while (i < value.Length && !result.Overflowed)
        {
            var next = value[i..].IndexOf('&');
            var end = next < 0 ? value.Length : i + next;
            result.Append(value[i..end]);
            if (end == value.Length)
            {
                break;
            }

            i = end + 1 < value.Length && value[end + 1] == '#'
                ? DecodeNumeric(value, end, ref result)
                : DecodeNamed(value, end, ref result);
        }

        written = result.Overflowed ? 0 : result.Length;
        return !result.Overflowed;
    }

    private static int DecodeNamed(ReadOnlySpan<char> value, int ampersand, ref DecodedText result)
    {
        var start = ampersand + 1;
        var length = 0;
        while (start + length < value.Length && length < MaxNameLength && char.IsAsciiLetterOrDigit(value[start + length]))
        {
            length++;
        }

        if (start + length < value.Length && value[start + length] == ';' &&
            Names.TryGetValue(value.Slice(start, length + 1), out var withSemicolon))
        {
            result.Append(withSemicolon);
            return start + length + 1;
        }

        // Without its ';' a reference can only be a legacy name, so longer prefixes need no lookup.
        for (var candidate = Math.Min(length, MaxLegacyNameLength); candidate > 0; candidate--)
        {
            if (!Names.TryGetValue(value.Slice(start, candidate), out var expansion))
            {
                continue;
            }

            var after = start + candidate;
            if (after < value.Length && (value[after] == '=' || char.IsAsciiLetterOrDigit(value[after])))
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

    private static int DecodeNumeric(ReadOnlySpan<char> value, int ampersand, ref DecodedText result)
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
        AppendCodePoint(ref result, code);
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

    private static void AppendCodePoint(ref DecodedText result, long code)
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
            result.Append(new Rune((int)code));
        }
    }

    /// <summary>The decoded text written so far, and whether some of it did not fit the destination.</summary>
    private ref struct DecodedText(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            if (text.TryCopyTo(_destination[Length..]))
            {
                Length += text.Length;
            }
            else
            {
                Overflowed = true;
            }
        }

        public void Append(char c)
        {
            if (Length < _destination.Length)
            {
                _destination[Length] = c;
                Length++;
            }
            else
            {
                Overflowed = true;
            }
        }

        public void Append(Rune rune)
        {
            if (rune.TryEncodeToUtf16(_destination[Length..], out var count))
            {
                Length += count;
            }
            else
            {
                Overflowed = true;
            }
        }
    }
}
