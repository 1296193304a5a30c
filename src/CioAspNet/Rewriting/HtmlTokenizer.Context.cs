using System.Runtime.CompilerServices;

namespace CioAspNet.Rewriting;

// The few facts of tree construction that the tokenizer needs: which text state a start tag switches to,
// whether the current node is SVG or MathML (where CDATA sections exist and raw text elements do not), and
// whether the tokenizer is inside a template.
internal sealed partial class HtmlTokenizer
{
    private const int MaxContextDepth = 32;

    private ContextStack _context;
    private int _contextDepth;
    private int _templateDepth;

    /// <summary>Whether the current node is an SVG or MathML element that is not an HTML integration point.</summary>
    private bool InForeignContent => _contextDepth > 0 && _context[_contextDepth - 1] is HtmlTagKind.Svg or HtmlTagKind.Math;

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
            if (kind != HtmlTagKind.Breakout)
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
        }
        else if (kind is HtmlTagKind.Svg or HtmlTagKind.Math && !_selfClosing)
        {
            PushContext(kind);
        }
    }

    private void UpdateForeignContextForStartTag(HtmlTagKind kind)
    {
        if (_selfClosing)
        {
            return;
        }

        var current = _context[_contextDepth - 1];
        var opensHtml = current == HtmlTagKind.Svg
            ? kind is HtmlTagKind.ForeignObject or HtmlTagKind.Desc or HtmlTagKind.Title
            : kind == HtmlTagKind.MathText;
        if (opensHtml || kind is HtmlTagKind.Svg or HtmlTagKind.Math)
        {
            PushContext(kind);
        }
    }

    private void UpdateContextForEndTag(HtmlTagKind kind)
    {
        if (_contextDepth > 0 && _context[_contextDepth - 1] == kind && kind != HtmlTagKind.Other)
        {
            _contextDepth--;
            return;
        }

        if (InForeignContent && kind == HtmlTagKind.Breakout && _nameLength is 1 or 2)
        {
            // </p> and </br> end the SVG or MathML subtree too.
            while (InForeignContent)
            {
                _contextDepth--;
            }

            return;
        }

        if (kind == HtmlTagKind.Template && _templateDepth > 0 && !InForeignContent)
        {
            _templateDepth--;
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
