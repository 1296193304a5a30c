using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CioAspNet.Snippet;

/// <summary>
/// The loader script for one set of options: it defines <c>window._cio</c> with stub methods that queue calls,
/// and adds the async <c>cio-tracker</c> script element that loads track.js.
/// </summary>
internal sealed class CioLoader
{
    /// <summary>The US region's script URL.</summary>
    public const string UsScriptUrl = "https://assets.customer.io/assets/track.js";

    /// <summary>The EU region's script URL.</summary>
    public const string EuScriptUrl = "https://assets.customer.io/assets/track-eu.js";

    /// <summary>The attribute that marks a loader written by this package, so that it is never inserted twice.</summary>
    public const string MarkerAttribute = "data-cio-loader";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default };

    private readonly byte[] _script;

    public CioLoader(CioOptions options)
    {
        ScriptUrl = options.ScriptUrl ?? (options.Region == CioRegion.Eu ? EuScriptUrl : UsScriptUrl);
        var script = BuildScript(options, ScriptUrl);
        _script = Encoding.UTF8.GetBytes(script);
        Sha256Source = "sha256-" + Convert.ToBase64String(SHA256.HashData(_script));
    }

    /// <summary>The URL of track.js that the loader adds.</summary>
    public string ScriptUrl { get; }

    /// <summary>The CSP source (<c>'sha256-...'</c> without quotes) that allows the loader's inline script.</summary>
    public string Sha256Source { get; }

    /// <summary>The text of the inline script, without the script element's tags.</summary>
    public ReadOnlySpan<byte> Script => _script;

    /// <summary>Writes the loader's script element, with the request's CSP nonce when there is one.</summary>
    public void WriteTo(IBufferWriter<byte> output, string? nonce)
    {
        ScriptElement.WriteStart(output, nonce, MarkerAttribute);
        output.Write(_script);
        ScriptElement.WriteEnd(output);
    }

    /// <summary>Returns the loader's script element as HTML, for Razor output.</summary>
    public string ToHtml(string? nonce)
    {
        var buffer = new ArrayBufferWriter<byte>(_script.Length + 128);
        WriteTo(buffer, nonce);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string BuildScript(CioOptions options, string scriptUrl)
    {
        // Each stub pushes [method, ...arguments] onto _cio; track.js replays the queue when it loads.
        return "var _cio = _cio || [];\n" +
            "(function () {\n" +
            "  var stub = function (method) {\n" +
            "    return function () { _cio.push([method].concat(Array.prototype.slice.call(arguments, 0))); };\n" +
            "  };\n" +
            "  var methods = [\"load\", \"identify\", \"sidentify\", \"track\", \"page\", \"on\", \"off\"];\n" +
            "  for (var i = 0; i < methods.length; i++) { _cio[methods[i]] = stub(methods[i]); }\n" +
            "  var tracker = document.createElement(\"script\");\n" +
            "  tracker.async = true;\n" +
            "  tracker.id = \"cio-tracker\";\n" +
            $"  tracker.setAttribute(\"data-site-id\", {JsonSerializer.Serialize(options.SiteId, JsonOptions)});\n" +
            $"  tracker.setAttribute(\"data-use-array-params\", \"{Bool(options.UseArrayParams)}\");\n" +
            $"  tracker.setAttribute(\"data-auto-track-page\", \"{Bool(options.AutoTrackPage)}\");\n" +
            $"  tracker.setAttribute(\"data-use-in-app\", \"{Bool(options.UseInApp)}\");\n" +
            $"  tracker.src = {JsonSerializer.Serialize(scriptUrl, JsonOptions)};\n" +
            "  var first = document.getElementsByTagName(\"script\")[0];\n" +
            "  first.parentNode.insertBefore(tracker, first);\n" +
            "})();\n";
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
