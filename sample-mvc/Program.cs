using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

// Every POST form of the sample carries an antiforgery token, which this filter checks.
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

// Demo sign-in: a cookie holds the claims that <cio-identify /> maps to an identify call.
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

app.Run();

/// <summary>The sample's entry point, public so that WebApplicationFactory can start it in tests.</summary>
public partial class Program;
