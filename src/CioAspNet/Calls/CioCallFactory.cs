using System.Text.Json;
using System.Text.Json.Nodes;
using CioAspNet.Logging;
using Microsoft.Extensions.Logging;

namespace CioAspNet.Calls;

/// <summary>
/// Builds calls from app values and checks them against <see cref="TrackApiLimits"/>. A call that breaks a limit is
/// not built, and an attribute that breaks one is left out; a Warning names it, never its value.
/// </summary>
internal sealed partial class CioCallFactory
{
    private readonly ILogger _logger;
    private readonly string _path;

    public CioCallFactory(ILogger logger, string path)
    {
        _logger = logger;
        _path = path;
    }

    public static CioCall CreateReset() => CioCall.Create(CioCall.Reset);

    public CioCall? CreateTrack(string? name, object? data, bool? useArrayParams)
    {
        if (!IsValidEventName(name) || !TryConvertData($"track call '{name}'", data, out var node))
        {
            return null;
        }

        if (useArrayParams is not { } keepArrays)
        {
            return node is null ? CioCall.Create(CioCall.Track, name) : CioCall.Create(CioCall.Track, name, node);
        }

        var options = new JsonObject { ["useArrayParams"] = keepArrays };
        return CioCall.Create(CioCall.Track, name, node ?? new JsonObject(), options);
    }

    public CioCall? CreatePage(string? name, object? data)
    {
        var pageName = string.IsNullOrEmpty(name) ? null : name;
        if (!TryConvertData($"page call '{pageName ?? "(the browser's URL)"}'", data, out var node))
        {
            return null;
        }

        return node is null ? CioCall.Create(CioCall.Page, pageName) : CioCall.Create(CioCall.Page, pageName, node);
    }

    private bool IsValidEventName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Log.EventNameMissing(_logger, _path);
            return false;
        }

        var bytes = TrackApiLimits.ByteCount(name);
        if (bytes > TrackApiLimits.MaxEventNameBytes)
        {
            Log.EventNameTooLong(_logger, name, _path, bytes, TrackApiLimits.MaxEventNameBytes);
            return false;
        }

        return true;
    }

    private bool TryConvertData(string subject, object? data, out JsonObject? node)
    {
        node = null;
        if (!TryConvert(subject, data, out var converted))
        {
            return false;
        }

        if (converted is not null and not JsonObject)
        {
            Log.CallDataInvalid(_logger, subject, _path, "its data is not an object with named properties", null);
            return false;
        }

        node = (JsonObject?)converted;
        var bytes = CioJson.MeasureBytes(node);
        if (node is not null && bytes > TrackApiLimits.MaxEventDataBytes)
        {
            Log.EventDataTooLarge(_logger, subject, _path, bytes, TrackApiLimits.MaxEventDataBytes);
            return false;
        }

        return true;
    }

    private bool TryConvert(string subject, object? value, out JsonNode? node)
    {
        try
        {
            node = CioJson.ToNode(value);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            Log.CallDataInvalid(_logger, subject, _path, "it could not be serialized to JSON", ex);
            node = null;
            return false;
        }
    }
}
