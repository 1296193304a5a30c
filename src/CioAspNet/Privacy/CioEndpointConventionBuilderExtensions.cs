using CioAspNet;

namespace Microsoft.AspNetCore.Builder;

/// <summary>CioAspNet's conventions for minimal API endpoints and endpoint groups.</summary>
public static class CioEndpointConventionBuilderExtensions
{
    /// <summary>Turns CioAspNet off for the endpoint, as <see cref="CioDisabledAttribute"/> does for controllers.</summary>
    public static TBuilder DisableCio<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new CioDisabledAttribute());
    }
}
