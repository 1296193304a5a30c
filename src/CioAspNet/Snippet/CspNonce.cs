using Microsoft.AspNetCore.Http;

namespace CioAspNet.Snippet;

/// <summary>Finds the request's Content Security Policy nonce, as <see cref="CioCspOptions"/> configures.</summary>
internal static class CspNonce
{
    /// <summary>Returns the nonce, or null when the request has none.</summary>
    public static string? Get(HttpContext context, CioCspOptions csp)
    {
        var nonce = csp.NonceAccessor is { } accessor
            ? accessor(context)
            : context.Items.TryGetValue(csp.NonceItemKey, out var item) ? item as string : null;
        return string.IsNullOrEmpty(nonce) ? null : nonce;
    }
}
