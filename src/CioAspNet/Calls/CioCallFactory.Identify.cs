using System.Text.Json.Nodes;
using CioAspNet.Logging;

namespace CioAspNet.Calls;

// The identify half of CioCallFactory: the payload { id, email, created_at, first_name, last_name, ... }.
internal sealed partial class CioCallFactory
{
    /// <summary>Builds an identify call from a server-side identifier and an object or dictionary of attributes.</summary>
    public CioCall? CreateIdentify(string? identifier, object? attributes, CioIdentifier mode)
    {
        if (!TryConvert("identify call", attributes, out var node))
        {
            return null;
        }

        if (node is not null and not JsonObject)
        {
            Log.CallDataInvalid(_logger, "identify call", _path, "its attributes are not an object with named properties", null);
            return null;
        }

        var identity = mode == CioIdentifier.Email ? new CioIdentity { Email = identifier } : new CioIdentity { Id = identifier };
        var extra = node is JsonObject values ? values.Select(p => KeyValuePair.Create(p.Key, (object?)p.Value)) : null;
        return CreateIdentify(identity, mode, extra);
    }

    /// <summary>
    /// Builds an identify call. In <see cref="CioIdentifier.Email"/> mode the email is the identifier. Attributes of
    /// <paramref name="extra"/> replace those of the identity with the same name.
    /// </summary>
    public CioCall? CreateIdentify(
        CioIdentity identity, CioIdentifier mode, IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        var identifier = mode == CioIdentifier.Email ? identity.Email : identity.Id;
        if (string.IsNullOrEmpty(identifier))
        {
            Log.IdentifyWithoutIdentifier(_logger, _path, mode == CioIdentifier.Email ? "email" : "id");
            return null;
        }

        var bytes = TrackApiLimits.ByteCount(identifier);
        if (bytes > TrackApiLimits.MaxIdentifierBytes)
        {
            Log.IdentifierTooLong(_logger, _path, bytes, TrackApiLimits.MaxIdentifierBytes);
            return null;
        }

        var payload = new JsonObject { ["id"] = identifier };
        AddStandardAttributes(payload, identity);
        AddAttributes(payload, identity.Attributes, mode);
        AddAttributes(payload, extra, mode);
        return CioCall.Create(CioCall.Identify, payload);
    }

    private void AddStandardAttributes(JsonObject payload, CioIdentity identity)
    {
        if (!string.IsNullOrEmpty(identity.Email))
        {
            AddAttribute(payload, "email", identity.Email);
        }

        if (identity.CreatedAt is { } createdAt)
        {
            payload["created_at"] = createdAt.ToUnixTimeSeconds();
        }

        if (!string.IsNullOrEmpty(identity.FirstName))
        {
            AddAttribute(payload, "first_name", identity.FirstName);
        }

        if (!string.IsNullOrEmpty(identity.LastName))
        {
            AddAttribute(payload, "last_name", identity.LastName);
        }
    }

    private void AddAttributes(JsonObject payload, IEnumerable<KeyValuePair<string, object?>>? attributes, CioIdentifier mode)
    {
        foreach (var (name, value) in attributes ?? [])
        {
            if (name == "id" || (mode == CioIdentifier.Email && name == "email"))
            {
                Log.AttributeIgnored(_logger, name, _path);
                continue;
            }

            if (TryConvert($"identify attribute '{name}'", value, out var node))
            {
                AddAttribute(payload, name, node);
            }
        }
    }

    private void AddAttribute(JsonObject payload, string name, JsonNode? value)
    {
        var nameBytes = TrackApiLimits.ByteCount(name);
        if (nameBytes > TrackApiLimits.MaxAttributeNameBytes)
        {
            Log.AttributeNameTooLong(_logger, name, _path, nameBytes, TrackApiLimits.MaxAttributeNameBytes);
            return;
        }

        var valueBytes = TrackApiLimits.ValueByteCount(value);
        if (valueBytes > TrackApiLimits.MaxAttributeValueBytes)
        {
            Log.AttributeValueTooLong(_logger, name, _path, valueBytes, TrackApiLimits.MaxAttributeValueBytes);
            return;
        }

        payload[name] = value;
    }
}
