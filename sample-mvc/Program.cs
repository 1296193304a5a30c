var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllersWithViews();
builder.Services.AddRazorPages();

// Binds the "Cio" section of appsettings.json; command-line arguments such as --Cio:Region=Eu override it.
builder.Services.AddCio();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Home/Error");
}

app.UseStaticFiles();
app.UseRouting();

app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
app.MapRazorPages();

// A minimal API endpoint that returns HTML: it goes through the same rewriter.
app.MapGet("/minimal", () => Results.Content(
    "<!DOCTYPE html><html><head><title>Minimal API</title></head><body><h1>Minimal API page</h1></body></html>",
    "text/html; charset=utf-8"));

// Not HTML, and excluded by Cio:ExcludedPaths in appsettings.json.
app.MapGet("/health", () => Results.Text("healthy"));

app.Run();

/// <summary>The sample's entry point, public so that WebApplicationFactory can start it in tests.</summary>
public partial class Program;
