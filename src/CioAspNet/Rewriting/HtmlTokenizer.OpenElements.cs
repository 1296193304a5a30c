using System.Buffers;
using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

// A bounded copy of the names on the tree builder's stack of open elements, which the tokenizer needs to know
// which element an end tag closes inside and around SVG and MathML, as in <div><svg></div>. It follows start and
// end tags only.
// NOTE: of the implied end tags, only the common ones in CloseImpliedElements are followed, and the others leave
// stale names on this stack. The list of active formatting elements is not kept either, so a b that the tree
// builder opens again after a block or table closed it is missing here.
internal sealed partial class HtmlTokenizer
{
    private const int MaxOpenElements = 32;

    // Perf: rented on first use and returned by Complete, so the tokenizer object stays small. A page rents it at
    // most once.
    private byte[]? _openNameBytes;
    private OpenElementBytes _openNameLengths;
    private OpenElementBytes _openNamespaces;
    private int _openCount;

    // Elements opened past MaxOpenElements, whose names are not kept.
    private int _untrackedOpen;

    private enum ElementNamespace : byte
    {
        Html,
        Foreign,

        // An SVG or MathML element that is an HTML or MathML text integration point.
        IntegrationPoint,
    }

    private int OpenTotal => _openCount + _untrackedOpen;

    private ElementNamespace CurrentNamespace =>
        _openCount > 0 && _untrackedOpen == 0
            ? (ElementNamespace)_openNamespaces[_openCount - 1]
            : ElementNamespace.Html;

    // Pushes the current tag's name. Names longer than the name buffer are not kept.
    private void OpenElement(ElementNamespace elementNamespace)
    {
        if (_nameLength > NameBufferLength)
        {
            return;
        }

        if (_openCount == MaxOpenElements)
        {
            _untrackedOpen++;
            return;
        }

        _name[.._nameLength].CopyTo(OpenName(_openCount));
        _openNameLengths[_openCount] = (byte)_nameLength;
        _openNamespaces[_openCount] = (byte)elementNamespace;
        _openCount++;
    }

    // Closes what an HTML start tag closes before it opens: a block closes an open p, li closes li, dd and dt
    // close each other, and a table, row or cell closes the table, row or cell before it.
    private void CloseImpliedElements(ReadOnlySpan<byte> name)
    {
        if (HtmlTagNames.ClosesParagraph(name))
        {
            CloseOpenElement(static n => n.SequenceEqual("p"u8),
                static n => n.SequenceEqual("button"u8) || HtmlTagNames.IsScopeBoundary(n));
        }

        if (name.SequenceEqual("button"u8))
        {
            CloseOpenElement(static n => n.SequenceEqual("button"u8), HtmlTagNames.IsScopeBoundary);
        }
        else if (name.SequenceEqual("a"u8) || name.SequenceEqual("nobr"u8))
        {
            // An open a or nobr since the last cell, caption or template goes through the adoption agency first.
            var open = FindOpenHtmlName(name, IsTableBoundaryOrMarker);
            if (open >= 0)
            {
                CloseFormattingElement(open);
            }
        }
        else if (name.SequenceEqual("li"u8))
        {
            CloseOpenElement(static n => n.SequenceEqual("li"u8), IsListItemBoundary);
        }
        else if (name.SequenceEqual("dd"u8) || name.SequenceEqual("dt"u8))
        {
            CloseOpenElement(static n => n.SequenceEqual("dd"u8) || n.SequenceEqual("dt"u8), IsListItemBoundary);
        }
        else if (name.SequenceEqual("table"u8))
        {
            // In a table or row, not in a cell, a table start tag closes the open table, also from inside an
            // element that the table moved out of it (foster parenting).
            CloseOpenElement(static n => n.SequenceEqual("table"u8), IsTableBoundaryOrMarker);
        }
        else if (name.SequenceEqual("tr"u8))
        {
            CloseOpenElement(static n => n.SequenceEqual("tr"u8), IsTableBoundary);
        }
        else if (name.SequenceEqual("td"u8) || name.SequenceEqual("th"u8))
        {
            CloseOpenElement(static n => n.SequenceEqual("td"u8) || n.SequenceEqual("th"u8), IsTableBoundary);
        }
        else if (HtmlTagNames.IsHeading(name) && _openCount > 0 && _untrackedOpen == 0
            && HtmlTagNames.IsHeading(OpenName(_openCount - 1)[.._openNameLengths[_openCount - 1]]))
        {
            PopElementsTo(_openCount - 1);
        }
    }

    private static bool IsListItemBoundary(ReadOnlySpan<byte> name) =>
        HtmlTagNames.IsSpecial(name) && !(name.SequenceEqual("address"u8) || name.SequenceEqual("div"u8)
            || name.SequenceEqual("p"u8));

    // Outside a table and a template, the tree builder ignores the start tags of table rows, cells and sections.
    private bool IsIgnoredTablePart(ReadOnlySpan<byte> name) =>
        IsTablePart(name) && !name.SequenceEqual("table"u8)
        && FindOpenHtmlName("table"u8, static _ => false) < 0 && FindOpenHtmlName("template"u8, static _ => false) < 0;

    private static bool IsTablePart(ReadOnlySpan<byte> name) =>
        IsTableSectionOrRow(name) || name.SequenceEqual("td"u8) || name.SequenceEqual("th"u8)
        || name.SequenceEqual("table"u8) || name.SequenceEqual("caption"u8) || name.SequenceEqual("colgroup"u8);

    private static bool IsTableSectionOrRow(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("tbody"u8) || name.SequenceEqual("thead"u8) || name.SequenceEqual("tfoot"u8)
        || name.SequenceEqual("tr"u8);

    private static bool IsTableBoundaryOrMarker(ReadOnlySpan<byte> name) =>
        HtmlTagNames.IsScopeBoundary(name) && !name.SequenceEqual("table"u8);

    // Returns the index of the nearest open HTML element of the name, or -1 when the stop accepts an element first.
    private int FindOpenHtmlName(ReadOnlySpan<byte> name, NamePredicate stop)
    {
        for (var i = _openCount - 1; i >= 0 && _untrackedOpen == 0; i--)
        {
            var openName = OpenName(i)[.._openNameLengths[i]];
            if ((ElementNamespace)_openNamespaces[i] == ElementNamespace.Html && openName.SequenceEqual(name))
            {
                return i;
            }

            if (stop(openName))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsTableBoundary(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("table"u8) || name.SequenceEqual("template"u8) || name.SequenceEqual("html"u8);

    // Pops to the nearest open HTML element that the target accepts, unless the stop accepts an element first.
    // Integration points and SVG and MathML elements stop the search too.
    private void CloseOpenElement(NamePredicate target, NamePredicate stop)
    {
        if (_untrackedOpen > 0)
        {
            return;
        }

        for (var i = _openCount - 1; i >= 0; i--)
        {
            var openName = OpenName(i)[.._openNameLengths[i]];
            if ((ElementNamespace)_openNamespaces[i] != ElementNamespace.Html)
            {
                return;
            }

            if (target(openName))
            {
                PopElementsTo(i);
                return;
            }

            if (stop(openName))
            {
                return;
            }
        }
    }

    private delegate bool NamePredicate(ReadOnlySpan<byte> name);

    // Pops the element at the index and every element above it, with their context entries.
    private void PopElementsTo(int index)
    {
        _openCount = index;
        _untrackedOpen = 0;
        PopContextAbove(index);
    }

    // Pops the SVG and MathML elements above the nearest HTML element or integration point.
    private void PopForeignElements()
    {
        _untrackedOpen = 0;
        var index = _openCount;
        while (index > 0 && (ElementNamespace)_openNamespaces[index - 1] == ElementNamespace.Foreign)
        {
            index--;
        }

        PopElementsTo(index);
    }

    // The tree builder's end tag rule in foreign content: walk down from the current node through SVG and MathML
    // elements, and pop to the first of the same name. Returns false when the walk reaches an HTML element.
    private bool CloseForeignElement()
    {
        for (var i = _openCount - 1; i >= 0 && (ElementNamespace)_openNamespaces[i] != ElementNamespace.Html; i--)
        {
            if (OpenNameEquals(i))
            {
                PopElementsTo(i);
                return true;
            }
        }

        return false;
    }

    // The end tag rules of the body and the table modes, in short. An end tag with a rule of its own closes the
    // nearest open HTML element of its name (any heading for a heading) in scope. Its search stops at table, td,
    // template and the other scope boundaries, and at integration points. The end tags of tables, rows and cells
    // stop only at table, template and html, and </template> at nothing. Any other end tag closes the nearest
    // open element of its name, unless a special element comes first.
    private void CloseHtmlElement()
    {
        if (_nameLength > NameBufferLength)
        {
            // Such a name was never kept, so it closes nothing that the tokenizer tracks.
            return;
        }

        var name = _name[.._nameLength];
        var ownRule = HtmlTagNames.HasOwnEndTagRule(name);
        var heading = HtmlTagNames.IsHeading(name);
        var tableScope = IsTablePart(name);
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var elementNamespace = (ElementNamespace)_openNamespaces[i];
            var openName = OpenName(i)[.._openNameLengths[i]];
            if (elementNamespace == ElementNamespace.Html
                && (OpenNameEquals(i) || (heading && HtmlTagNames.IsHeading(openName))))
            {
                if (HtmlTagNames.IsFormatting(name))
                {
                    CloseFormattingElement(i);
                }
                else
                {
                    PopElementsTo(i);
                }

                return;
            }

            if (_tagKind == HtmlTagKind.Template)
            {
                continue;
            }

            var stops = elementNamespace == ElementNamespace.IntegrationPoint
                || (elementNamespace == ElementNamespace.Html && (tableScope ? IsTableBoundary(openName)
                    : ownRule ? HtmlTagNames.IsScopeBoundary(openName) || IsExtraScopeBoundary(name, openName)
                    : HtmlTagNames.IsSpecial(openName)));
            if (stops)
            {
                return;
            }
        }
    }

    // The adoption agency algorithm, as far as the names of open elements go. When a special element (the furthest
    // block) is open inside the formatting element, the formatting element leaves the stack and opens again right
    // inside the furthest block. So the furthest block stays open, and the next round closes the new element.
    // NOTE: with SVG or MathML open between the two, the tokenizer closes everything down to the formatting element.
    private void CloseFormattingElement(int index)
    {
        for (var round = 0; round < 8 && _untrackedOpen == 0; round++)
        {
            var block = FurthestBlock(index);
            if (block < 0)
            {
                break;
            }

            var formatting = OpenName(index)[.._openNameLengths[index]].ToArray();
            RemoveOpenElements(index, block - index);
            InsertOpenElement(index + 1, formatting);
            ShiftContextOpenCounts(block, block - index);
            index++;
        }

        PopElementsTo(index);
    }

    // Returns the first special HTML element above the index, or -1 when there is none or SVG or MathML comes first.
    private int FurthestBlock(int index)
    {
        for (var i = index + 1; i < _openCount; i++)
        {
            if ((ElementNamespace)_openNamespaces[i] != ElementNamespace.Html)
            {
                return -1;
            }

            if (HtmlTagNames.IsSpecial(OpenName(i)[.._openNameLengths[i]]))
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveOpenElements(int index, int count)
    {
        for (var i = index; i + count < _openCount; i++)
        {
            CopyOpenElement(i + count, i);
        }

        _openCount -= count;
    }

    private void InsertOpenElement(int index, ReadOnlySpan<byte> name)
    {
        for (var i = _openCount; i > index; i--)
        {
            CopyOpenElement(i - 1, i);
        }

        name.CopyTo(OpenName(index));
        _openNameLengths[index] = (byte)name.Length;
        _openNamespaces[index] = (byte)ElementNamespace.Html;
        _openCount++;
    }

    private void CopyOpenElement(int from, int to)
    {
        OpenName(from).CopyTo(OpenName(to));
        _openNameLengths[to] = _openNameLengths[from];
        _openNamespaces[to] = _openNamespaces[from];
    }

    // After the elements from the formatting element up to the furthest block at the old index moved down by
    // removed places, and one element went in right after the furthest block.
    private void ShiftContextOpenCounts(int furthestBlock, int removed)
    {
        for (var depth = 0; depth < _contextDepth; depth++)
        {
            if (_contextOpenCounts[depth] == furthestBlock + 1)
            {
                _contextOpenCounts[depth] -= removed;
            }
            else if (_contextOpenCounts[depth] > furthestBlock + 1)
            {
                _contextOpenCounts[depth] += 1 - removed;
            }
        }
    }

    // </li> looks in list item scope, which ol and ul also bound, and </p> in button scope, which button bounds.
    private static bool IsExtraScopeBoundary(ReadOnlySpan<byte> endTagName, ReadOnlySpan<byte> openName) =>
        endTagName.SequenceEqual("li"u8)
            ? openName.SequenceEqual("ol"u8) || openName.SequenceEqual("ul"u8)
            : endTagName.SequenceEqual("p"u8) && openName.SequenceEqual("button"u8);

    private bool OpenNameEquals(int index) =>
        _openNameLengths[index] == _nameLength && OpenName(index)[.._nameLength].SequenceEqual(_name[.._nameLength]);

    private Span<byte> OpenName(int index)
    {
        _openNameBytes ??= ArrayPool<byte>.Shared.Rent(MaxOpenElements * NameBufferLength);
        return _openNameBytes.AsSpan(index * NameBufferLength, NameBufferLength);
    }

    private void ReturnOpenNames()
    {
        if (_openNameBytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_openNameBytes);
            _openNameBytes = null;
        }
    }

    [InlineArray(MaxOpenElements)]
    private struct OpenElementBytes
    {
        private byte _element;
    }
}
