using System.Text;

namespace CioAspNet.Tests.Conformance;

/// <summary>Checks that the oracle rejects wrong insertions, so that its passes on real output mean something.</summary>
public sealed class InjectionOracleTests
{
    public static TheoryData<string, int, string> WrongInsertions => new()
    {
        // Input, which "</body" the loader goes before (-1 for none), and a phrase of the expected problem;
        // the last row is a correct insertion, which must pass.
        { "<body>x</body>", -1, "is a correct insertion point" },
        { "<body><!-- </body> --></body>", 0, "0 loader elements" },
        { "<body><!-- a --></body>", -1, "is a correct insertion point" },
        { "<body><script>\"</body>\"</script></body>", 0, "0 loader elements" },
        { "<body><p>a</body>", 0, "" },
        { "<body><p title=a></body b=\">\">", 0, "" },
        { "<body><textarea></body></textarea></body>", 0, "0 loader elements" },
        { "<body><div title=\"</body>\"></div></body>", 0, "0 loader elements" },
        { "<body>x</body", 0, "not the start of a complete" },
        { "<body>x</body title=\">", 0, "not the start of a complete" },
        { "<body><textarea>a</body b=\"</textarea>\">", 0, "0 loader elements" },
        { "<body><b>a</body>", 0, "" },
        { "<body><template></body></template></body>", 0, "does not reach body" },
        { "<body><!-- </body> --></body>", 1, "" },
    };

    [Theory]
    [MemberData(nameof(WrongInsertions))]
    public void InjectionOracle_WrongInsertion_ReportsProblem(string html, int occurrence, string expectedPhrase)
    {
        var input = Encoding.UTF8.GetBytes(html);
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = html.IndexOf("</body", offset + 1, StringComparison.Ordinal);
        }

        var output = offset < 0
            ? input
            : [.. input.AsSpan(0, offset), .. ConformanceRewriter.LoaderElement, .. input.AsSpan(offset)];

        var problem = new InjectionOracle(input).Check(new RewriteResult(output, offset, 0), requireBody: true);

        if (expectedPhrase.Length == 0)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
            Assert.Contains(expectedPhrase, problem, StringComparison.Ordinal);
        }
    }
}
