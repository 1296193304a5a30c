using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using CioAspNet.Links;
using CioAspNet.Rewriting;
using CioAspNet.Tests.Support;

namespace CioAspNet.Tests.Links;

/// <summary>
/// For every corpus page: with half of the hosts it links to on the allow-list, the output DOM equals the input
/// DOM except that exactly the allow-listed links carry <c>_cio_id</c>, once.
/// </summary>
public sealed class CorpusLinkTests
{
    private const string CioId = "0123456789abcdef01";

    [Fact]
    public void Rewriter_CorpusPages_ChangeExactlyAllowedLinks()
    {
        var failures = new List<string>();
        var pages = 0;
        var rewrittenLinks = 0;
        foreach (var path in Corpus.Pages)
        {
            pages++;
            var input = File.ReadAllText(path);
            using var inputDocument = DomAssert.Parse(input);
            var allowed = ChooseAllowedHosts(inputDocument);
            foreach (var chunk in new[] { int.MaxValue, 7 })
            {
                var output = Rewrite(input, allowed, chunk);
                var error = Compare(inputDocument, output, allowed, ref rewrittenLinks);
                if (error is not null)
                {
                    failures.Add($"{Path.GetFileName(path)} (writes of {chunk}): {error}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{pages} pages, {rewrittenLinks} links rewritten.");
        Assert.True(pages > 0, "The corpus has no pages.");
        Assert.True(rewrittenLinks > 0, "No corpus link was rewritten, so the test checked nothing.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Compare(IDocument inputDocument, string output, HashSet<string> allowed, ref int rewrittenLinks)
    {
        using var outputDocument = DomAssert.Parse(output);
        var inputLinks = inputDocument.QuerySelectorAll("a, area");
        var outputLinks = outputDocument.QuerySelectorAll("a, area");
        if (inputLinks.Length != outputLinks.Length)
        {
            return $"{inputLinks.Length} links became {outputLinks.Length}";
        }

        for (var i = 0; i < inputLinks.Length; i++)
        {
            var before = inputLinks[i].GetAttribute("href");
            var after = outputLinks[i].GetAttribute("href");
            var shouldChange = before is not null && IsAllowed(before, allowed) && !inputLinks[i].HasAttribute("data-cio-skip");
            if (!shouldChange)
            {
                if (before != after)
                {
                    return $"link {before} changed to {after}";
                }

                continue;
            }

            var parameter = "_cio_id=" + CioId;
            var count = CountOccurrences(after!, "_cio_id=");
            if (count != 1 || !after!.Contains(parameter, StringComparison.Ordinal))
            {
                return $"allowed link {before} became {after}";
            }

            rewrittenLinks++;
            outputLinks[i].SetAttribute("href", before!);
        }

        return inputDocument.DocumentElement.OuterHtml == outputDocument.DocumentElement.OuterHtml
            ? null
            : "the rest of the DOM changed";
    }

    // The oracle: System.Uri's view of the host, independent of the rewriter's URL code.
    private static bool IsAllowed(string href, HashSet<string> allowed)
    {
        var url = href.Trim();
        url = url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && allowed.Contains(uri.IdnHost.TrimEnd('.'));
    }

    private static HashSet<string> ChooseAllowedHosts(IDocument document)
    {
        var hosts = document.QuerySelectorAll("a[href], area[href]")
            .Select(link => link.GetAttribute("href")!.Trim())
            .Select(href => href.StartsWith("//", StringComparison.Ordinal) ? "https:" + href : href)
            .Select(href => Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null)
            .Where(uri => uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .Select(uri => uri!.IdnHost.TrimEnd('.'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. hosts.Where((_, index) => index % 2 == 0)];
    }

    private static string Rewrite(string input, HashSet<string> allowed, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var output = new ArrayBufferWriter<byte>();
        var allowList = new DomainAllowList(allowed.Count == 0 ? ["unused.invalid"] : allowed);
        var rewriter = new HtmlRewriter(content: null, new LinkTagWriter(allowList, CioId, utf8: true));
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            rewriter.Write(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)), output);
        }

        rewriter.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
