namespace CioAspNet;

/// <summary>
/// Settings of the calls that the server queues, bound from <c>Cio:Calls</c>. Calls queued on a redirect travel to
/// the next page in a cookie protected by ASP.NET Core Data Protection.
/// </summary>
public sealed class CioCallsOptions
{
    /// <summary>The default of <see cref="CookieName"/>: <c>.CioAspNet.Calls</c>.</summary>
    public const string DefaultCookieName = ".CioAspNet.Calls";

    /// <summary>The name of the cookie that carries calls across a redirect. Default: <c>.CioAspNet.Calls</c>.</summary>
    public string CookieName { get; set; } = DefaultCookieName;
}
