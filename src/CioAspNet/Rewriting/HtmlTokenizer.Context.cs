using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

// The few facts of tree construction that the tokenizer needs: which text state a start tag switches to,
// whether the current node is SVG or MathML (where CDATA sections exist and raw text elements do not), and
// whether the tokenizer is inside a template. The context stack holds the open elements that decide these facts:
// svg and math, the integration points, mglyph and malignmark in MathML text, and templates.
internal sealed partial class HtmlTokenizer
{
    private const int MaxContextDepth = 32;

    private ContextStack _context;
    private int _contextDepth;
    private int _templateDepth;

    // For each context entry, OpenTotal just after its element was opened.
    private ContextOpenCounts _contextOpenCounts;

    // Set by InspectAttributes: a font start tag has a color, face or size attribute, or an annotation-xml start
    // tag has an HTML encoding.
    private bool _attributesMatter;

    /// <summary>Whether the current node is an SVG or MathML element that is not an HTML integration point.</summary>
    private bool InForeignContent => IsForeign(CurrentContext);

    /// <summary>
    /// Whether the current node is an SVG or MathML element: one in foreign content, or an integration point
    /// with no HTML element open inside it.
    /// </summary>
    private bool CurrentNodeIsForeign => InForeignContent || CurrentNamespace == ElementNamespace.IntegrationPoint;

    private static bool IsForeign(HtmlTagKind entry) => entry is HtmlTagKind.Svg or HtmlTagKind.Math
        or HtmlTagKind.MathGlyph or HtmlTagKind.AnnotationXml or HtmlTagKind.ForeignTemplate;

    private HtmlTagKind CurrentContext => _contextDepth > 0 ? _context[_contextDepth - 1] : HtmlTagKind.Other;

    // In SVG and MathML, a font start tag leaves foreign content only with a color, face or size attribute, and
    // a MathML annotation-xml element is an HTML integration point only with an HTML encoding attribute.
    private bool AttributesDecideContext() => !_isEndTag && TagKind switch
    {
        HtmlTagKind.Font => InForeignContent,
        HtmlTagKind.AnnotationXml => InForeignContent && !ForeignNamespaceIsSvg(),
        _ => false,
    };

    private void InspectAttributes(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (TagKind == HtmlTagKind.Font)
            {
                _attributesMatter |= attribute.NameEquals(tagBytes, "color"u8)
                    || attribute.NameEquals(tagBytes, "face"u8) || attribute.NameEquals(tagBytes, "size"u8);
            }
            else if (attribute.NameEquals(tagBytes, "encoding"u8))
            {
                // The first of duplicate attributes is the one that counts.
                var value = attribute.ValueIn(tagBytes);
                _attributesMatter = System.Text.Ascii.EqualsIgnoreCase(value, "text/html"u8)
                    || System.Text.Ascii.EqualsIgnoreCase(value, "application/xhtml+xml"u8);
                return;
            }
        }
    }

    private void UpdateContext()
    {
        if (_contextDepth != 0 || _untrackedOpen != 0 || !TryUpdatePlainElement())
        {
            UpdateContextByRules();
        }
    }

    // Perf: kept out of line, like WriteWantedTag.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UpdateContextByRules()
    {
        var kind = TagKind;
        if (_isEndTag)
        {
            UpdateContextForEndTag();
            _textMode = TextMode.Data;
            _state = State.Data;
            return;
        }

        if (InForeignContent)
        {
            var breaksOut = kind is HtmlTagKind.Breakout or HtmlTagKind.Body
                || (kind == HtmlTagKind.Font && _attributesMatter);
            if (!breaksOut)
            {
                UpdateForeignContextForStartTag(kind);
                _state = State.Data;
                return;
            }

            // An HTML element such as <div> or <p> ends the SVG or MathML subtree.
            PopForeignElements();
        }
        else if (CurrentContext == HtmlTagKind.MathText && kind == HtmlTagKind.MathGlyph && CurrentNodeIsForeign)
        {
            // Right inside mi, mo, mn, ms or mtext, mglyph and malignmark are MathML elements, not HTML ones.
            OpenForeignElement(kind, ElementNamespace.Foreign);
            _state = State.Data;
            return;
        }

        UpdateHtmlContextForStartTag(kind);
    }

    // Perf: outside SVG, MathML and templates, most tags open an element, or close the current one, and change
    // nothing else. Returns false for the other tags, which take the general rules.
    private bool TryUpdatePlainElement()
    {
        if (_isEndTag)
        {
            if (_openCount == 0 || !OpenNameEquals(_openCount - 1)
                || _open![_openCount - 1].Namespace != ElementNamespace.Html
                || _tagInfo.Name is HtmlElementName.Body or HtmlElementName.Html or HtmlElementName.Head
                    or HtmlElementName.Form)
            {
                return false;
            }

            PopElementsTo(_openCount - 1);
        }
        else
        {
            if (_tagInfo.Has(HtmlTagFlags.OwnStartTagRule)
                || (_tagInfo.Has(HtmlTagFlags.ClosesParagraph) && MayBeOpen(HtmlElementName.P)))
            {
                return false;
            }

            if (!_tagInfo.Has(HtmlTagFlags.Void))
            {
                OpenElement(ElementNamespace.Html);
            }
        }

        _textMode = TextMode.Data;
        _state = State.Data;
        return true;
    }

    private void UpdateHtmlContextForStartTag(HtmlTagKind kind)
    {
        _textMode = kind switch
        {
            HtmlTagKind.Script => TextMode.ScriptData,
            HtmlTagKind.Style or HtmlTagKind.Xmp or HtmlTagKind.Iframe or HtmlTagKind.Noembed
                or HtmlTagKind.Noframes or HtmlTagKind.Noscript => TextMode.RawText,
            HtmlTagKind.Title or HtmlTagKind.Textarea => TextMode.RcData,
            HtmlTagKind.Plaintext => TextMode.PlainText,
            _ => TextMode.Data,
        };
        _rawKind = kind;
        _state = _textMode switch
        {
            TextMode.ScriptData => State.ScriptData,
            TextMode.RawText => State.RawText,
            TextMode.RcData => State.RcData,
            TextMode.PlainText => State.PlainText,
            _ => State.Data,
        };

        if (kind is HtmlTagKind.Svg or HtmlTagKind.Math)
        {
            OpenForeignElement(kind, ElementNamespace.Foreign);
            return;
        }

        // html, head and body always sit at the bottom of the stack, and a second start tag of them adds nothing.
        CloseImpliedElements();
        if (_tagInfo.Has(HtmlTagFlags.Void)
            || _tagInfo.Name is HtmlElementName.Body or HtmlElementName.Html or HtmlElementName.Head
            || IsIgnoredTablePart())
        {
            return;
        }

        OpenElement(ElementNamespace.Html);
        if (kind == HtmlTagKind.Template && PushContext(kind))
        {
            _templateDepth++;
        }
    }

    // In foreign content every start tag makes an element of the current node's namespace: svg inside MathML and
    // math inside SVG are not new SVG or MathML subtrees, except svg right inside a MathML annotation-xml.
    private void UpdateForeignContextForStartTag(HtmlTagKind kind)
    {
        var inSvg = ForeignNamespaceIsSvg();
        var entry = kind switch
        {
            HtmlTagKind.Svg when inSvg || CurrentContext == HtmlTagKind.AnnotationXml => kind,
            HtmlTagKind.Math when !inSvg => kind,
            HtmlTagKind.ForeignObject or HtmlTagKind.Desc or HtmlTagKind.Title when inSvg => kind,
            HtmlTagKind.MathText when !inSvg => kind,
            HtmlTagKind.AnnotationXml when !inSvg => _attributesMatter ? HtmlTagKind.HtmlAnnotationXml : kind,
            HtmlTagKind.Template => HtmlTagKind.ForeignTemplate,
            _ => HtmlTagKind.Other,
        };
        var integrationPoint = entry is HtmlTagKind.ForeignObject or HtmlTagKind.Desc or HtmlTagKind.Title
            or HtmlTagKind.MathText or HtmlTagKind.HtmlAnnotationXml;
        OpenForeignElement(entry, integrationPoint ? ElementNamespace.IntegrationPoint : ElementNamespace.Foreign);
    }

    // A self-closing SVG or MathML element closes at once, so it opens nothing.
    private void OpenForeignElement(HtmlTagKind entry, ElementNamespace elementNamespace)
    {
        if (_selfClosing)
        {
            return;
        }

        OpenElement(elementNamespace);
        if (entry != HtmlTagKind.Other)
        {
            PushContext(entry);
        }
    }

    // A template inside SVG or MathML keeps the namespace of the element around it.
    private bool ForeignNamespaceIsSvg()
    {
        var depth = _contextDepth - 1;
        while (depth > 0 && _context[depth] == HtmlTagKind.ForeignTemplate)
        {
            depth--;
        }

        return depth >= 0 && _context[depth] == HtmlTagKind.Svg;
    }

    private void UpdateContextForEndTag()
    {
        if (_untrackedOpen > 0)
        {
            // NOTE: past MaxOpenElements open elements, an end tag closes the innermost one, whatever its name.
            _untrackedOpen--;
            PopContextAbove(OpenTotal);
            return;
        }

        if (CurrentNodeIsForeign && CloseForeignElement())
        {
            return;
        }

        if (InForeignContent && IsParagraphOrLineBreak())
        {
            // </p> and </br> end the SVG or MathML subtree too.
            PopForeignElements();
        }

        // </body> and </html> only change the insertion mode, </head> is ignored in the body, and </form> removes
        // the form element alone.
        if (_tagInfo.Name is not (HtmlElementName.Body or HtmlElementName.Html or HtmlElementName.Head
            or HtmlElementName.Form))
        {
            CloseHtmlElement();
        }
    }

    private bool IsParagraphOrLineBreak() => _tagInfo.Name is HtmlElementName.P or HtmlElementName.Br;

    // Pops the context entries whose elements are no longer open.
    private void PopContextAbove(int openTotal)
    {
        while (_contextDepth > 0 && _contextOpenCounts[_contextDepth - 1] > openTotal)
        {
            _contextDepth--;
            if (_context[_contextDepth] == HtmlTagKind.Template)
            {
                _templateDepth--;
            }
        }
    }

    // NOTE: past MaxContextDepth nested SVG, MathML, integration point and template elements, the context is not
    // tracked, so CDATA detection can be wrong inside such documents. Real pages nest a few levels at most.
    private bool PushContext(HtmlTagKind kind)
    {
        if (_contextDepth == MaxContextDepth)
        {
            return false;
        }

        _contextOpenCounts[_contextDepth] = OpenTotal;
        _context[_contextDepth++] = kind;
        return true;
    }

    [InlineArray(MaxContextDepth)]
    private struct ContextStack
    {
        private HtmlTagKind _element;
    }

    [InlineArray(MaxContextDepth)]
    private struct ContextOpenCounts
    {
        private int _element;
    }
}
