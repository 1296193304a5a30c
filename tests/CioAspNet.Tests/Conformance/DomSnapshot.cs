using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CioAspNet.Tests.Conformance;

/// <summary>
/// Parses documents with AngleSharp, as a browser with scripting enabled does, and writes the tree in the
/// html5lib tree-construction test format: one node per line, attributes sorted, template contents included.
/// </summary>
internal static class DomSnapshot
{
    // HtmlParser instances are not documented as thread-safe, and CsCheck samples on several threads.
    private static readonly ThreadLocal<HtmlParser> Parser =
        new(() => new HtmlParser(new HtmlParserOptions { IsScripting = true }));

    public static IDocument Parse(string html) => Parser.Value!.ParseDocument(html);

    /// <summary>Writes the tree of a document, leaving out the nodes that <paramref name="skip"/> selects.</summary>
    public static string Dump(IDocument document, Func<INode, bool>? skip = null)
    {
        var builder = new StringBuilder();
        DumpChildren(builder, document, 0, skip ?? (_ => false));
        return builder.ToString();
    }

    /// <summary>Returns every element, template contents included, that matches the predicate, in tree order.</summary>
    public static List<IElement> FindElements(IDocument document, Func<IElement, bool> predicate)
    {
        var found = new List<IElement>();
        Collect(document, predicate, found);
        return found;
    }

    /// <summary>Returns whether an element's parent chain reaches the document's body element.</summary>
    public static bool IsInsideBody(IElement element)
    {
        var body = element.Owner?.Body;
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (ReferenceEquals(parent, body))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(INode node, Func<IElement, bool> predicate, List<IElement> found)
    {
        foreach (var child in ChildrenOf(node))
        {
            if (child is IElement element && predicate(element))
            {
                found.Add(element);
            }

            Collect(child, predicate, found);
        }
    }

    private static IEnumerable<INode> ChildrenOf(INode node) =>
        node is IHtmlTemplateElement template ? template.Content.ChildNodes : node.ChildNodes;

    // Adjacent text nodes are written as one, because removing an element between two text nodes leaves them
    // apart, where the parser of the same markup without the element makes one node.
    private static void DumpChildren(StringBuilder builder, INode parent, int depth, Func<INode, bool> skip)
    {
        StringBuilder? text = null;
        foreach (var child in ChildrenOf(parent))
        {
            if (skip(child))
            {
                continue;
            }

            if (child is IText textNode)
            {
                text ??= new StringBuilder();
                text.Append(textNode.Data);
                continue;
            }

            if (text is not null)
            {
                Line(builder, depth, Quote(text.ToString()));
                text = null;
            }

            DumpNode(builder, child, depth, skip);
        }

        if (text is not null)
        {
            Line(builder, depth, Quote(text.ToString()));
        }
    }

    private static void DumpNode(StringBuilder builder, INode node, int depth, Func<INode, bool> skip)
    {
        switch (node)
        {
            case IDocumentType doctype:
                var identifiers = $"\"{doctype.PublicIdentifier}\" \"{doctype.SystemIdentifier}\"";
                Line(builder, depth, $"<!DOCTYPE {doctype.Name} {identifiers}>");
                break;
            case IComment comment:
                Line(builder, depth, $"<!-- {comment.Data} -->");
                break;
            case IElement element:
                Line(builder, depth, $"<{NamespacePrefix(element.NamespaceUri)}{element.LocalName}>");
                var attributes = element.Attributes
                    .Select(a => (Name: NamespacePrefix(a.NamespaceUri) + a.LocalName, a.Value))
                    .OrderBy(a => a.Name, StringComparer.Ordinal);
                foreach (var (name, value) in attributes)
                {
                    Line(builder, depth + 1, $"{name}=\"{value}\"");
                }

                if (element is IHtmlTemplateElement)
                {
                    Line(builder, depth + 1, "content");
                    DumpChildren(builder, element, depth + 2, skip);
                }
                else
                {
                    DumpChildren(builder, element, depth + 1, skip);
                }

                break;
            default:
                Line(builder, depth, $"?{node.NodeType} {node.NodeName}");
                break;
        }
    }

    private static string NamespacePrefix(string? namespaceUri)
    {
        if (string.IsNullOrEmpty(namespaceUri) || namespaceUri == NamespaceNames.HtmlUri)
        {
            return "";
        }

        return namespaceUri == NamespaceNames.SvgUri ? "svg "
            : namespaceUri == NamespaceNames.MathMlUri ? "math "
            : namespaceUri == NamespaceNames.XLinkUri ? "xlink "
            : namespaceUri == NamespaceNames.XmlUri ? "xml "
            : namespaceUri == NamespaceNames.XmlNsUri ? "xmlns "
            : namespaceUri + " ";
    }

    private static string Quote(string text) => "\"" + text + "\"";

    private static void Line(StringBuilder builder, int depth, string text) =>
        builder.Append("| ").Append(' ', depth * 2).Append(text).Append('\n');
}
