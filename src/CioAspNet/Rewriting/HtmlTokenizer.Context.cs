using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

// The few facts of tree construction that the tokenizer needs: which text state a start tag switches to,
// whether the current node is SVG or MathML (where CDATA sections exist and raw text elements do not), and
// whether the tokenizer is inside a template. The context stack holds svg and math elements, the elements
// that are HTML integration points, mglyph and malignmark in MathML text, and HTML templates.
internal sealed partial class HtmlTokenizer
{
    private const int MaxContextDepth = 32;

    private ContextStack _context;
    private int _contextDepth;
    private int _templateDepth;

    // Set by InspectAttributes: a font start tag has a color, face or size attribute, or an annotation-xml start
    // tag has an HTML encoding.
    private bool _attributesMatter;

    /// <summary>Whether the current node is an SVG or MathML element that is not an HTML integration point.</summary>
    private bool InForeignContent =>
        CurrentContext is HtmlTagKind.Svg or HtmlTagKind.Math or HtmlTagKind.MathGlyph or HtmlTagKind.AnnotationXml;

    private HtmlTagKind CurrentContext => _contextDepth > 0 ? _context[_contextDepth - 1] : HtmlTagKind.Other;

    // In SVG and MathML, a font start tag leaves foreign content only with a color, face or size attribute, and
    // a MathML annotation-xml element is an HTML integration point only with an HTML encoding attribute.
    private bool AttributesDecideContext() => !_isEndTag && _tagKind switch
    {
        HtmlTagKind.Font => InForeignContent,
        HtmlTagKind.AnnotationXml => InForeignContent && CurrentContext != HtmlTagKind.Svg,
        _ => false,
    };

    private void InspectAttributes(in HtmlTagToken tag, ReadOnlySpan<byte> tagBytes)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (_tagKind == HtmlTagKind.Font)
            {
                _attributesMatter |= attribute.NameEquals(tagBytes, "color"u8) || attribute.NameEquals(tagBytes, "face"u8)
                    || attribute.NameEquals(tagBytes, "size"u8);
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
        var kind = _tagKind;
        if (_isEndTag)
        {
            UpdateContextForEndTag(kind);
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
            while (InForeignContent)
            {
                _contextDepth--;
            }
        }
        else if (CurrentContext == HtmlTagKind.MathText && kind == HtmlTagKind.MathGlyph)
        {
            // Right inside mi, mo, mn, ms or mtext, mglyph and malignmark are MathML elements, not HTML ones.
            // NOTE: the tokenizer does not see whether an HTML element is open inside the mi, where they are HTML.
            if (!_selfClosing)
            {
                PushContext(kind);
            }

            _state = State.Data;
            return;
        }

        UpdateHtmlContextForStartTag(kind);
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

        if (kind == HtmlTagKind.Template)
        {
            _templateDepth++;
            PushContext(kind);
        }
        else if (kind is HtmlTagKind.Svg or HtmlTagKind.Math && !_selfClosing)
        {
            PushContext(kind);
        }
    }

    // In foreign content every start tag makes an element of the current node's namespace: svg inside MathML and
    // math inside SVG are not new SVG or MathML subtrees, except svg right inside a MathML annotation-xml.
    private void UpdateForeignContextForStartTag(HtmlTagKind kind)
    {
        if (_selfClosing)
        {
            return;
        }

        var current = CurrentContext;
        var inSvg = current == HtmlTagKind.Svg;
        var push = kind switch
        {
            HtmlTagKind.Svg => inSvg || current == HtmlTagKind.AnnotationXml,
            HtmlTagKind.Math => !inSvg,
            HtmlTagKind.ForeignObject or HtmlTagKind.Desc or HtmlTagKind.Title => inSvg,
            HtmlTagKind.MathText or HtmlTagKind.AnnotationXml => !inSvg,
            _ => false,
        };
        if (push)
        {
            PushContext(kind == HtmlTagKind.AnnotationXml && _attributesMatter ? HtmlTagKind.HtmlAnnotationXml : kind);
        }
    }

    private void UpdateContextForEndTag(HtmlTagKind kind)
    {
        if (kind == HtmlTagKind.Template)
        {
            EndTemplate();
            return;
        }

        var current = CurrentContext == HtmlTagKind.HtmlAnnotationXml ? HtmlTagKind.AnnotationXml : CurrentContext;
        if (current == kind && kind != HtmlTagKind.Other)
        {
            _contextDepth--;
            return;
        }

        if (CurrentContext == HtmlTagKind.MathGlyph && kind == HtmlTagKind.MathText && _contextDepth > 1
            && _context[_contextDepth - 2] == HtmlTagKind.MathText)
        {
            // </mi> closes the mglyph inside it too.
            _contextDepth -= 2;
            return;
        }

        if (InForeignContent && IsParagraphOrLineBreak())
        {
            // </p> and </br> end the SVG or MathML subtree too.
            while (InForeignContent)
            {
                _contextDepth--;
            }
        }
    }

    private bool IsParagraphOrLineBreak() =>
        (_nameLength == 1 && _name[0] == 'p') || (_nameLength == 2 && _name[0] == 'b' && _name[1] == 'r');

    // </template> closes the innermost HTML template and whatever SVG or MathML is still open inside it.
    private void EndTemplate()
    {
        if (_templateDepth == 0)
        {
            return;
        }

        _templateDepth--;
        while (_contextDepth > 0 && _context[--_contextDepth] != HtmlTagKind.Template)
        {
        }
    }

    // NOTE: nesting deeper than MaxContextDepth SVG, MathML and integration point elements is not tracked,
    // so CDATA detection can be wrong inside such documents; real pages nest a few levels at most.
    private void PushContext(HtmlTagKind kind)
    {
        if (_contextDepth < MaxContextDepth)
        {
            _context[_contextDepth++] = kind;
        }
    }

    [InlineArray(MaxContextDepth)]
    private struct ContextStack
    {
        private HtmlTagKind _element;
    }
}
