var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllersWithViews();

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

app.Run();

/// <summary>The sample's entry point, public so that WebApplicationFactory can start it in tests.</summary>
public partial class Program;
