using System.Buffers;
using System.Text;
using CioAspNet.Snippet;

namespace CioAspNet.Calls;

/// <summary>
/// Writes calls as one inline script of <c>(window._cio = window._cio || []).push([...]);</c> lines, in order, so it
/// works above or below the loader. <c>_cio.reset</c> has no stub and exists only once track.js has loaded, so a
/// reset and every call after it run in a function that polls for it every 100 ms, at most 300 times (30 seconds).
/// </summary>
internal static class CioCallScript
{
    public const int ResetPollIntervalMilliseconds = 100;
    public const int ResetPollMaxTries = 300;

    private static ReadOnlySpan<byte> PushStart => "\n(window._cio = window._cio || []).push("u8;

    private static ReadOnlySpan<byte> PushEnd => ");"u8;

    private static readonly byte[] ResetWaitStart = Encoding.UTF8.GetBytes(
        "\n(function () {\n" +
        "  var tries = 0;\n" +
        "  var run = function () {\n" +
        "    if (!window._cio || typeof window._cio.reset !== \"function\") {\n" +
        $"      if (++tries < {ResetPollMaxTries}) {{ setTimeout(run, {ResetPollIntervalMilliseconds}); }}\n" +
        "      return;\n" +
        "    }\n");

    private static ReadOnlySpan<byte> ResetWaitEnd => "\n  };\n  run();\n})();\n"u8;

    private static ReadOnlySpan<byte> ResetStatement => "\nwindow._cio.reset();"u8;

    /// <summary>Writes the script element, with the CSP nonce when there is one; writes nothing for no calls.</summary>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<CioCall> calls, string? nonce)
    {
        if (calls.Count == 0)
        {
            return;
        }

        ScriptElement.WriteStart(output, nonce);
        var waiting = false;
        foreach (var call in calls)
        {
            if (call.IsReset && !waiting)
            {
                waiting = true;
                output.Write(ResetWaitStart);
            }

            if (call.IsReset)
            {
                output.Write(ResetStatement);
            }
            else
            {
                WritePush(output, call);
            }
        }

        output.Write(waiting ? ResetWaitEnd : "\n"u8);
        ScriptElement.WriteEnd(output);
    }

    /// <summary>Returns the script element as HTML, for Razor output.</summary>
    public static string ToHtml(IReadOnlyList<CioCall> calls, string? nonce)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, calls, nonce);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePush(IBufferWriter<byte> output, CioCall call)
    {
        output.Write(PushStart);
        if (!call.NameFromLocation)
        {
            CioJson.Write(output, call.Arguments);
        }
        else
        {
            // The name is a fixed script expression here, not a value: the page's own URL.
            output.Write("[\"page\",window.location.href"u8);
            for (var i = 2; i < call.Arguments.Count; i++)
            {
                output.Write(","u8);
                CioJson.Write(output, call.Arguments[i]);
            }

            output.Write("]"u8);
        }

        output.Write(PushEnd);
    }
}
