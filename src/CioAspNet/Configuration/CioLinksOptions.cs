namespace CioAspNet;

/// <summary>
/// Settings of <c>_cio_id</c> handling, bound from <c>Cio:Links</c>: how the person's cio_id is remembered, and
/// which hosts get it appended to their links.
/// </summary>
public sealed class CioLinksOptions
{
    /// <summary>
    /// Hosts whose links get <c>_cio_id</c> appended: exact names such as <c>docs.example.com</c>, or
    /// <c>*.example.com</c> for every subdomain of example.com (not example.com itself). Default: empty, which
    /// rewrites no link.
    /// </summary>
    public IList<string> Domains { get; } = new List<string>();

    /// <summary>The claim type that carries a signed-in person's cio_id. Default: <c>cio_id</c>.</summary>
    public string ClaimType { get; set; } = "cio_id";

    /// <summary>The name of the first-party cookie that remembers the cio_id. Default: <c>.CioAspNet.CioId</c>.</summary>
    public string CookieName { get; set; } = ".CioAspNet.CioId";

    /// <summary>How long the cookie remembers the cio_id. Default: 90 days.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(90);
}
