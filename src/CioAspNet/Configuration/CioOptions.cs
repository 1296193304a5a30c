namespace CioAspNet;

/// <summary>
/// Settings of the Customer.io integration, bound from the <c>Cio</c> configuration section.
/// </summary>
public sealed class CioOptions
{
    /// <summary>The name of the configuration section that <c>AddCio()</c> binds: <c>Cio</c>.</summary>
    public const string SectionName = "Cio";

    /// <summary>
    /// Whether the package does anything at all. Default: <see langword="true"/>. When
    /// <see langword="false"/>, every response passes through unchanged and the tag helpers render nothing.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The workspace's Site ID, sent as <c>data-site-id</c>. Required. Customer.io shows it under
    /// Workspace Settings, API and webhook credentials.
    /// </summary>
    public string? SiteId { get; set; }

    /// <summary>The workspace's region, which selects track.js or track-eu.js. Default: <see cref="CioRegion.Us"/>.</summary>
    public CioRegion Region { get; set; } = CioRegion.Us;

    /// <summary>
    /// Whether arrays in calls stay arrays (<c>data-use-array-params</c>). Default: <see langword="true"/>.
    /// When <see langword="false"/>, track.js reshapes arrays into objects keyed by index.
    /// </summary>
    public bool UseArrayParams { get; set; } = true;

    /// <summary>
    /// Whether track.js sends a page view when it loads (<c>data-auto-track-page</c>). Default: <see langword="true"/>.
    /// </summary>
    public bool AutoTrackPage { get; set; } = true;

    /// <summary>Whether in-app messages are enabled (<c>data-use-in-app</c>). Default: <see langword="false"/>.</summary>
    public bool UseInApp { get; set; }

    /// <summary>
    /// A replacement for the region's script URL, for a proxy or a self-hosted copy. Default: <see langword="null"/>,
    /// which selects the URL of <see cref="Region"/>. It must be an absolute https URL, or http on a loopback host.
    /// </summary>
    public string? ScriptUrl { get; set; }

    /// <summary>
    /// Request path prefixes whose responses are never rewritten, such as <c>/admin</c>. A prefix matches whole
    /// path segments, case-insensitively. Default: empty.
    /// </summary>
    public IList<string> ExcludedPaths { get; } = new List<string>();

    /// <summary>Settings of <c>_cio_id</c>: the cookie that remembers it, and the hosts whose links carry it.</summary>
    public CioLinksOptions Links { get; } = new();

    /// <summary>Settings that withhold tracking: consent and Global Privacy Control.</summary>
    public CioPrivacyOptions Privacy { get; } = new();

    /// <summary>
    /// How <c>&lt;cio-identify /&gt;</c> maps claims to an identify call (<c>Cio:Identify</c>). Default: the id from
    /// the name identifier claim, the email, names and <c>created_at</c> from their standard claims.
    /// </summary>
    public CioIdentifyOptions Identify { get; } = new();

    /// <summary>Where the request's CSP nonce is found (<c>Cio:Csp</c>). Default: <c>HttpContext.Items["csp-nonce"]</c>.</summary>
    public CioCspOptions Csp { get; } = new();

    /// <summary>Settings of server-side calls and their carry-over cookie (<c>Cio:Calls</c>).</summary>
    public CioCallsOptions Calls { get; } = new();

    /// <summary>Problems found while binding configuration, reported by validation with the others.</summary>
    internal List<string> BindingErrors { get; } = [];
}
