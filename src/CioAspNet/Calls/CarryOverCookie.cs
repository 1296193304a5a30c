using System.Security.Cryptography;
using CioAspNet.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Calls;

/// <summary>
/// Carries calls across a redirect in a cookie protected by ASP.NET Core Data Protection, so that any server that
/// shares the app's key ring can read it. The value is at most <see cref="MaxValueLength"/> characters: when the
/// calls do not fit, the oldest are dropped first, each with a Warning.
/// </summary>
internal sealed class CarryOverCookie
{
    /// <summary>
    /// The maximum length of the cookie's value. It leaves room for the name and attributes under the 4096 bytes per
    /// cookie that RFC 6265 requires browsers to support.
    /// </summary>
    public const int MaxValueLength = 3072;

    /// <summary>How long the cookie lives: long enough for a chain of redirects, short enough to leave no stale calls.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private const string Purpose = "CioAspNet.Calls.CarryOver.v1";

    private readonly IDataProtector _protector;

    public CarryOverCookie(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    /// <summary>Reads and checks the request's cookie; an invalid one is logged at Warning and yields no calls.</summary>
    public ReadResult Read(HttpContext context, string cookieName, ILogger logger)
    {
        if (!context.Request.Cookies.TryGetValue(cookieName, out var value))
        {
            return ReadResult.None;
        }

        var calls = Unprotect(value, out var problem);
        if (calls is null)
        {
            Log.CarryOverCookieInvalid(logger, cookieName, context.Request.Path.Value ?? "/", problem!);
            return new ReadResult([], CookiePresent: true, Invalid: true);
        }

        return new ReadResult(calls, CookiePresent: true, Invalid: false);
    }

    /// <summary>Writes the calls that fit, dropping the oldest first; deletes the cookie when none fits.</summary>
    public void Write(HttpContext context, string cookieName, IReadOnlyList<CioCall> calls, ILogger logger)
    {
        var path = context.Request.Path.Value ?? "/";
        for (var skip = 0; skip < calls.Count; skip++)
        {
            var value = TryProtect(calls, skip);
            if (value is null)
            {
                continue;
            }

            LogDropped(logger, calls, skip, path);
            context.Response.Cookies.Append(cookieName, value, CreateOptions(context, MaxAge));
            Log.CarryOverWritten(logger, calls.Count - skip, path);
            return;
        }

        LogDropped(logger, calls, calls.Count, path);
        Delete(context, cookieName);
    }

    public static void Delete(HttpContext context, string cookieName) =>
        context.Response.Cookies.Delete(cookieName, CreateOptions(context, maxAge: null));

    // Not essential: where the cookie policy requires consent for tracking, the calls are not carried without it.
    private static CookieOptions CreateOptions(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = false,
    };

    private string? TryProtect(IReadOnlyList<CioCall> calls, int skip)
    {
        var plaintext = CioCallListJson.Serialize(calls, skip);

        // Base64url makes 4 characters of every 3 bytes, and protection only adds to the length.
        if ((plaintext.Length + 2) / 3 * 4 > MaxValueLength)
        {
            return null;
        }

        var value = WebEncoders.Base64UrlEncode(_protector.Protect(plaintext));
        return value.Length <= MaxValueLength ? value : null;
    }

    private List<CioCall>? Unprotect(string value, out string? problem)
    {
        problem = null;
        byte[] plaintext;
        try
        {
            plaintext = _protector.Unprotect(WebEncoders.Base64UrlDecode(value));
        }
        catch (CryptographicException)
        {
            problem = "it failed the Data Protection check, so it was changed or protected with a key this app lacks";
            return null;
        }
        catch (FormatException)
        {
            problem = "it is not base64url text";
            return null;
        }

        var calls = CioCallListJson.Parse(plaintext);
        problem = calls is null ? "its content is not a list of calls" : null;
        return calls;
    }

    private static void LogDropped(ILogger logger, IReadOnlyList<CioCall> calls, int count, string path)
    {
        for (var i = 0; i < count; i++)
        {
            Log.CarryOverCallDropped(logger, calls[i].Describe(), path, MaxValueLength);
        }
    }

    /// <summary>The outcome of reading the request's cookie.</summary>
    public sealed record ReadResult(IReadOnlyList<CioCall> Calls, bool CookiePresent, bool Invalid)
    {
        public static readonly ReadResult None = new([], CookiePresent: false, Invalid: false);
    }
}
