using SampleComponents.Components;

namespace SampleComponents;

/// <summary>
/// The entry point of the Razor components sample. It sits in a namespace, unlike the <c>Program</c> of top-level
/// statements, so that a project that references both samples, as the browser tests do, sees one global
/// <c>Program</c>: sample-mvc's.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Static server rendering only: no interactive render modes, so no circuit and no WebAssembly.
        builder.Services.AddRazorComponents();

        // Binds the "Cio" section of appsettings.json. Command-line arguments such as
        // --Cio:TrackEnhancedNavigation=false override it.
        builder.Services.AddCio();

        var app = builder.Build();

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        // Serves wwwroot and the framework's _framework/blazor.web.js, which .NET 10 ships as a static web asset.
        app.MapStaticAssets();
        app.MapRazorComponents<App>();

        app.Run();
    }
}
