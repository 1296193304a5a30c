using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CioAspNet.Middleware;

/// <summary>Decides, when a response starts, whether it is a full HTML page that the rewriter may change.</summary>
internal static class HtmlResponsePolicy
{
    // Charsets in which every byte below 0x80 is the ASCII character, and a multi-byte sequence never
    // contains '<', '>', quotes or '/'. UTF-16, UTF-32, UTF-7, the ISO-2022 family and EBCDIC are not.
    private static readonly string[] AsciiCompatibleCharsets =
    [
        "utf-8", "utf8", "us-ascii", "ascii", "latin1", "shift_jis", "sjis", "windows-31j", "euc-jp", "euc-kr",
        "gb2312", "gbk", "gb18030", "big5", "big5-hkscs", "tis-620", "ks_c_5601-1987",
    ];

    private static readonly string[] AsciiCompatiblePrefixes = ["iso-8859-", "windows-125", "cp125", "koi8-"];

    public static SkipReason GetSkipReason(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (HttpMethods.IsHead(request.Method))
        {
            return SkipReason.HeadRequest;
        }

        var status = response.StatusCode;
        if (status is < 200 or 204 or 205 or 304)
        {
            return SkipReason.StatusWithoutBody;
        }

        if (status == StatusCodes.Status206PartialContent || request.Headers.Range.Count > 0)
        {
            return SkipReason.PartialContent;
        }

        var encoding = response.Headers.ContentEncoding;
        if (encoding.Count > 0 && !(encoding.Count == 1 && string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase)))
        {
            return SkipReason.ContentEncoded;
        }

        var contentTypeReason = CheckContentType(response.ContentType);
        if (contentTypeReason != SkipReason.None)
        {
            return contentTypeReason;
        }

        return response.HasStarted && response.ContentLength is not null
            ? SkipReason.StartedWithContentLength
            : SkipReason.None;
    }

    /// <summary>Whether an HTML response is UTF-8: its charset is UTF-8, or it names none.</summary>
    public static bool IsUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return true;
        }

        var charset = mediaType.Charset.Value!.Trim('"');
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static SkipReason CheckContentType(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return SkipReason.NotHtml;
        }

        var charset = mediaType.Charset;
        if (!charset.HasValue || charset.Length == 0)
        {
            return SkipReason.None;
        }

        return IsAsciiCompatible(charset.Value!.Trim('"')) ? SkipReason.None : SkipReason.UnsupportedCharset;
    }

    private static bool IsAsciiCompatible(string charset)
    {
        foreach (var name in AsciiCompatibleCharsets)
        {
            if (charset.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in AsciiCompatiblePrefixes)
        {
            if (charset.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
