namespace CioAspNet;

/// <summary>
/// Appends <c>_cio_id</c> to links whose host is on <c>Cio:Links:Domains</c>, with the rules the middleware
/// applies to pages, for HTML and URLs that the app sends elsewhere, such as an email body.
/// </summary>
public interface ICioLinkRewriter
{
    /// <summary>
    /// Returns the URL with <c>_cio_id</c> set when it is an absolute http(s) or protocol-relative URL of an
    /// allowed host; returns any other URL unchanged.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cioId"/> is not 1 to 64 ASCII letters and digits.</exception>
    string RewriteUrl(string url, string cioId);

    /// <summary>
    /// Returns the HTML with <c>_cio_id</c> set in the <c>href</c> of every <c>a</c> and <c>area</c> start tag that
    /// links to an allowed host. Every other byte stays as it was.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cioId"/> is not 1 to 64 ASCII letters and digits.</exception>
    string RewriteHtml(string html, string cioId);
}
