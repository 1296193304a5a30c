using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

// Every POST form of the sample carries an antiforgery token, which this filter checks.
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
builder.Services.AddRazorPages();

// Demo sign-in: a cookie stores the claims that <cio-identify /> maps to an identify call.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = "/Account/SignIn");

// Binds the "Cio" section of appsettings.json; command-line arguments such as --Cio:Region=Eu override it.
builder.Services.AddCio();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Home/Error");
}

app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

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
