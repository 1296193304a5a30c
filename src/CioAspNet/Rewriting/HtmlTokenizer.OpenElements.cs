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
    private OpenEntry[]? _open;
    private int _openCount;

    // Perf: how many elements of each name in HtmlElementName are on the stack, so that a start tag such as div
    // does not walk the stack for an open p when there is none.
    private OpenNameCounts _openNameCounts;

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
        _openCount > 0 && _untrackedOpen == 0 ? _open![_openCount - 1].Namespace : ElementNamespace.Html;

    // Pushes the current tag's element. Names longer than the name buffer are not kept.
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

        _open ??= ArrayPool<OpenEntry>.Shared.Rent(MaxOpenElements);
        _open[_openCount++] = new OpenEntry(_nameLow, _nameHigh, (byte)_nameLength, elementNamespace, _tagInfo);
        _openNameCounts[(int)_tagInfo.Name]++;
    }

    private bool MayBeOpen(HtmlElementName name) => _openNameCounts[(int)name] > 0;

    // Closes what an HTML start tag closes before it opens: a block closes an open p, li closes li, dd and dt
    // close each other, and a table, row or cell closes the table, row or cell before it.
    private void CloseImpliedElements()
    {
        if (_tagInfo.Has(HtmlTagFlags.ClosesParagraph) && MayBeOpen(HtmlElementName.P))
        {
            CloseOpenElement(HtmlElementName.P, HtmlElementName.P, HtmlTagFlags.ScopeBoundary, HtmlElementName.Button);
        }

        switch (_tagInfo.Name)
        {
            case HtmlElementName.Button:
                CloseOpenElement(HtmlElementName.Button, HtmlElementName.Button, HtmlTagFlags.ScopeBoundary);
                break;
            case HtmlElementName.A:
            case HtmlElementName.Nobr:
                // An open a or nobr since the last cell, caption or template goes through the adoption agency first.
                var open = MayBeOpen(_tagInfo.Name) ? FindOpenHtmlElement(_tagInfo.Name, HtmlTagFlags.Marker) : -1;
                if (open >= 0)
                {
                    CloseFormattingElement(open);
                }

                break;
            case HtmlElementName.Li:
                CloseOpenElement(HtmlElementName.Li, HtmlElementName.Li, HtmlTagFlags.ListItemBoundary);
                break;
            case HtmlElementName.Dd:
            case HtmlElementName.Dt:
                CloseOpenElement(HtmlElementName.Dd, HtmlElementName.Dt, HtmlTagFlags.ListItemBoundary);
                break;
            case HtmlElementName.Table:
                // In a table or row, not in a cell, a table start tag closes the open table, also from inside an
                // element that the table moved out of it (foster parenting).
                CloseOpenElement(HtmlElementName.Table, HtmlElementName.Table, HtmlTagFlags.Marker);
                break;
            case HtmlElementName.Tr:
                CloseOpenElement(HtmlElementName.Tr, HtmlElementName.Tr, HtmlTagFlags.TableBoundary);
                break;
            case HtmlElementName.Td:
            case HtmlElementName.Th:
                CloseOpenElement(HtmlElementName.Td, HtmlElementName.Th, HtmlTagFlags.TableBoundary);
                break;
            default:
                if (_tagInfo.Has(HtmlTagFlags.Heading) && _openCount > 0 && _untrackedOpen == 0
                    && _open![_openCount - 1].Info.Has(HtmlTagFlags.Heading))
                {
                    PopElementsTo(_openCount - 1);
                }

                break;
        }
    }

    // Outside a table and a template, the tree builder ignores the start tags of table rows, cells and sections.
    private bool IsIgnoredTablePart() =>
        _tagInfo.Has(HtmlTagFlags.TablePart) && _tagInfo.Name != HtmlElementName.Table
        && !(MayBeOpen(HtmlElementName.Table) && FindOpenHtmlElement(HtmlElementName.Table, HtmlTagFlags.None) >= 0)
        && !(MayBeOpen(HtmlElementName.Template)
            && FindOpenHtmlElement(HtmlElementName.Template, HtmlTagFlags.None) >= 0);

    // Returns the index of the nearest open HTML element of the name, or -1 when an element in the stop set comes
    // first.
    private int FindOpenHtmlElement(HtmlElementName name, HtmlTagFlags stop)
    {
        for (var i = _openCount - 1; i >= 0 && _untrackedOpen == 0; i--)
        {
            ref readonly var element = ref _open![i];
            if (element.Namespace == ElementNamespace.Html && element.Info.Name == name)
            {
                return i;
            }

            if (element.Info.Has(stop))
            {
                return -1;
            }
        }

        return -1;
    }

    // Pops to the nearest open HTML element of either name, unless an element in the stop set, the extra stop
    // name, an integration point or an SVG or MathML element comes first.
    private void CloseOpenElement(
        HtmlElementName target, HtmlElementName otherTarget, HtmlTagFlags stop,
        HtmlElementName extraStop = HtmlElementName.Other)
    {
        if (_untrackedOpen > 0 || !(MayBeOpen(target) || MayBeOpen(otherTarget)))
        {
            return;
        }

        for (var i = _openCount - 1; i >= 0; i--)
        {
            ref readonly var element = ref _open![i];
            if (element.Namespace != ElementNamespace.Html)
            {
                return;
            }

            var name = element.Info.Name;
            if (name != HtmlElementName.Other && (name == target || name == otherTarget))
            {
                PopElementsTo(i);
                return;
            }

            if (element.Info.Has(stop) || (name != HtmlElementName.Other && name == extraStop))
            {
                return;
            }
        }
    }

    // Pops the element at the index and every element above it, with their context entries.
    private void PopElementsTo(int index)
    {
        for (var i = index; i < _openCount; i++)
        {
            _openNameCounts[(int)_open![i].Info.Name]--;
        }

        _openCount = index;
        _untrackedOpen = 0;
        PopContextAbove(index);
    }

    // Pops the SVG and MathML elements above the nearest HTML element or integration point.
    private void PopForeignElements()
    {
        _untrackedOpen = 0;
        var index = _openCount;
        while (index > 0 && _open![index - 1].Namespace == ElementNamespace.Foreign)
        {
            index--;
        }

        PopElementsTo(index);
    }

    // The tree builder's end tag rule in foreign content: walk down from the current node through SVG and MathML
    // elements, and pop to the first of the same name. Returns false when the walk reaches an HTML element.
    private bool CloseForeignElement()
    {
        for (var i = _openCount - 1; i >= 0 && _open![i].Namespace != ElementNamespace.Html; i--)
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

        var stop = _tagInfo.Has(HtmlTagFlags.TablePart) ? HtmlTagFlags.TableBoundary
            : _tagInfo.Has(HtmlTagFlags.OwnEndTagRule) ? HtmlTagFlags.ScopeBoundary
            : HtmlTagFlags.Special;

        // </li> looks in list item scope, which ol and ul also bound, and </p> in button scope, which button bounds.
        var (extraStop, otherExtraStop) = _tagInfo.Name switch
        {
            HtmlElementName.Li => (HtmlElementName.Ol, HtmlElementName.Ul),
            HtmlElementName.P => (HtmlElementName.Button, HtmlElementName.Button),
            _ => (HtmlElementName.Other, HtmlElementName.Other),
        };
        var heading = _tagInfo.Has(HtmlTagFlags.Heading);
        for (var i = _openCount - 1; i >= 0; i--)
        {
            ref readonly var element = ref _open![i];
            if (element.Namespace == ElementNamespace.Html
                && (OpenNameEquals(i) || (heading && element.Info.Has(HtmlTagFlags.Heading))))
            {
                if (_tagInfo.Has(HtmlTagFlags.Formatting))
                {
                    CloseFormattingElement(i);
                }
                else
                {
                    PopElementsTo(i);
                }

                return;
            }

            if (TagKind == HtmlTagKind.Template)
            {
                continue;
            }

            var name = element.Info.Name;
            var stops = element.Namespace == ElementNamespace.IntegrationPoint
                || (element.Namespace == ElementNamespace.Html && (element.Info.Has(stop)
                    || (name != HtmlElementName.Other && (name == extraStop || name == otherExtraStop))));
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

            var formatting = _open![index];
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
            ref readonly var element = ref _open![i];
            if (element.Namespace != ElementNamespace.Html)
            {
                return -1;
            }

            if (element.Info.Has(HtmlTagFlags.Special))
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveOpenElements(int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            _openNameCounts[(int)_open![i].Info.Name]--;
        }

        _open.AsSpan((index + count).._openCount).CopyTo(_open.AsSpan(index));
        _openCount -= count;
    }

    private void InsertOpenElement(int index, OpenEntry element)
    {
        _open.AsSpan(index.._openCount).CopyTo(_open.AsSpan(index + 1));
        _open![index] = element;
        _openCount++;
        _openNameCounts[(int)element.Info.Name]++;
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

    private bool OpenNameEquals(int index)
    {
        ref readonly var element = ref _open![index];
        return element.Low == _nameLow && element.High == _nameHigh && element.Length == _nameLength;
    }

    private void ReturnOpenElements()
    {
        if (_open is not null)
        {
            ArrayPool<OpenEntry>.Shared.Return(_open);
            _open = null;
        }
    }

    [InlineArray(HtmlTagNames.ElementNameCount)]
    private struct OpenNameCounts
    {
        private byte _element;
    }

    // One element on the stack: its packed name, as HtmlTagNames.Pack gives it, and its entry in the name table.
    private readonly record struct OpenEntry(
        ulong Low, ulong High, byte Length, ElementNamespace Namespace, HtmlTagInfo Info);
}
