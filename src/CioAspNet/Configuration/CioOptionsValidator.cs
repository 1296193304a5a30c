using System.Net;
using CioAspNet.Links;
using Microsoft.Extensions.Options;

namespace CioAspNet.Configuration;

/// <summary>
/// Checks <see cref="CioOptions"/> at start-up and on every reload, and reports every problem in one result.
/// Each message names the configuration key and the fix.
/// </summary>
internal sealed partial class CioOptionsValidator : IValidateOptions<CioOptions>
{
    private const int MaxSiteIdLength = 100;

    public ValidateOptionsResult Validate(string? name, CioOptions options)
    {
        var failures = new List<string>(options.BindingErrors);

        if (options.Enabled)
        {
            ValidateSiteId(options.SiteId, failures);
        }

        if (!Enum.IsDefined(options.Region))
        {
            failures.Add($"Cio:Region has the invalid value '{options.Region}'. Set it to Us or Eu, as shown in the " +
                "workspace settings of Customer.io.");
        }

        ValidateScriptUrl(options.ScriptUrl, failures);
        ValidateExcludedPaths(options.ExcludedPaths, failures);
        ValidateLinks(options.Links, failures);
        ValidateIdentify(options.Identify, failures);
        ValidateCsp(options.Csp, failures);
        ValidateCalls(options.Calls, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSiteId(string? siteId, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(siteId))
        {
            failures.Add("Cio:SiteId is missing. Set it to the Site ID from Customer.io (Workspace Settings, " +
                "API and webhook credentials), or set Cio:Enabled to false to turn the package off.");
            return;
        }

        if (siteId.Length > MaxSiteIdLength || !siteId.All(IsSiteIdCharacter))
        {
            failures.Add($"Cio:SiteId is invalid: a Site ID has at most {MaxSiteIdLength} ASCII letters, digits, " +
                "'-' or '_'. Copy it again from Customer.io (Workspace Settings, API and webhook credentials).");
        }
    }

    private static bool IsSiteIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void ValidateScriptUrl(string? scriptUrl, List<string> failures)
    {
        if (scriptUrl is null)
        {
            return;
        }

        if (!Uri.TryCreate(scriptUrl, UriKind.Absolute, out var uri))
        {
            failures.Add("Cio:ScriptUrl is not an absolute URL. Set it to an https URL of track.js, " +
                "or remove it to use the URL of Cio:Region.");
            return;
        }

        var isHttps = uri.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);
        if (!isHttps && !isLoopbackHttp)
        {
            failures.Add("Cio:ScriptUrl must use https (http is accepted only for a loopback host such as " +
                "127.0.0.1). Change its scheme, or remove it to use the URL of Cio:Region.");
        }
    }

    private static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }

    private static void ValidateLinks(CioLinksOptions links, List<string> failures)
    {
        for (var i = 0; i < links.Domains.Count; i++)
        {
            if (!DomainAllowList.TryNormalizeEntry(links.Domains[i], out _, out _))
            {
                failures.Add($"Cio:Links:Domains:{i} ('{links.Domains[i]}') is not a host name. Write a name such " +
                    "as docs.example.com, or *.example.com for its subdomains, without scheme, port or path.");
            }
        }

        if (string.IsNullOrWhiteSpace(links.ClaimType))
        {
            failures.Add("Cio:Links:ClaimType is empty. Set it to the claim type that carries the cio_id, or remove " +
                "it to use the default cio_id.");
        }

        if (string.IsNullOrEmpty(links.CookieName) || !links.CookieName.All(IsCookieNameCharacter))
        {
            failures.Add("Cio:Links:CookieName is invalid. Use ASCII letters, digits and . _ - only, or remove it to " +
                "use the default .CioAspNet.CioId.");
        }

        if (links.CookieLifetime <= TimeSpan.Zero)
        {
            failures.Add("Cio:Links:CookieLifetime must be positive, for example 90.00:00:00 for 90 days.");
        }
    }

    private static bool IsCookieNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static void ValidateExcludedPaths(IList<string> paths, List<string> failures)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (string.IsNullOrEmpty(paths[i]) || paths[i][0] != '/')
            {
                failures.Add($"Cio:ExcludedPaths:{i} ('{paths[i]}') must start with '/', for example /admin.");
            }
        }
    }
}
