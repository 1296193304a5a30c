using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CioAspNet.Tests.Support;

/// <summary>Compares documents with AngleSharp, an HTML5 parser that follows the WHATWG specification.</summary>
internal static class DomAssert
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = true });

    /// <summary>
    /// Asserts that the output's DOM is the input's DOM plus exactly <paramref name="expectedScripts"/> script
    /// elements marked <c>data-cio-loader</c> or carrying <c>_cio</c> calls, all inside <c>body</c>.
    /// </summary>
    public static void InsertedInsideBody(string input, string output, int expectedScripts = 1)
    {
        using var inputDocument = Parser.ParseDocument(input);
        using var outputDocument = Parser.ParseDocument(output);
        var inserted = outputDocument.QuerySelectorAll("script[data-cio-loader]");

        Assert.Equal(expectedScripts, inserted.Length);
        foreach (var script in inserted)
        {
            Assert.True(IsInsideBody(script), "An inserted script is outside body: " + script.ParentElement?.LocalName);
            script.Remove();
        }

        Assert.Equal(inputDocument.DocumentElement.OuterHtml, outputDocument.DocumentElement.OuterHtml);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    private static bool IsInsideBody(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == "body")
            {
                return true;
            }
        }

        return false;
    }
}
