using System.Buffers;

namespace CioAspNet.Rewriting;

/// <summary>What <see cref="HtmlRewriter"/> inserts before the page's real <c>&lt;/body&gt;</c> end tag.</summary>
internal interface IBodyEndContent
{
    /// <summary>
    /// Writes the content to insert. <paramref name="loaderPresent"/> is true when the page already carries a
    /// loader, which must then not be written again.
    /// </summary>
    void WriteTo(IBufferWriter<byte> output, bool loaderPresent);
}
