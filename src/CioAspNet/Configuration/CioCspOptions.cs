using Microsoft.AspNetCore.Http;

namespace CioAspNet;

/// <summary>
/// Where the package finds the request's Content Security Policy nonce, bound from <c>Cio:Csp</c>. Every script
/// element it writes carries that nonce; without one, the scripts have no <c>nonce</c> attribute.
/// </summary>
public sealed class CioCspOptions
{
    /// <summary>The default of <see cref="NonceItemKey"/>: <c>csp-nonce</c>.</summary>
    public const string DefaultNonceItemKey = "csp-nonce";

    /// <summary>
    /// The <see cref="HttpContext.Items"/> key whose string value is the nonce, read when
    /// <see cref="NonceAccessor"/> is not set. Default: <c>csp-nonce</c>.
    /// </summary>
    public string NonceItemKey { get; set; } = DefaultNonceItemKey;

    /// <summary>
    /// A function that returns the request's nonce, or <see langword="null"/> when it has none, for apps that keep the
    /// nonce elsewhere than in <see cref="HttpContext.Items"/>. Set it in code; configuration cannot bind it. Default:
    /// <see langword="null"/>, which reads <see cref="NonceItemKey"/>.
    /// </summary>
    public Func<HttpContext, string?>? NonceAccessor { get; set; }
}
