namespace CioAspNet.Middleware;

/// <summary>Records whether <c>app.UseCio()</c> placed the middleware, so the start-up filter adds no second one.</summary>
internal sealed class CioPipelineMarker
{
    public bool PlacedExplicitly { get; set; }
}
