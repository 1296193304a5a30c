using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CioAspNet.Tests.Support;

/// <summary>Runs tag helpers outside Razor, on a DefaultHttpContext whose services have AddCio().</summary>
internal sealed class TagHelperHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public TagHelperHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cio:SiteId"] = "test-site" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddCio();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Scope = _services.CreateScope();
        HttpContext = new DefaultHttpContext { RequestServices = Scope.ServiceProvider };
        HttpContext.Request.Path = "/page";
        Logs = _services.GetFakeLogCollector();
    }

    public DefaultHttpContext HttpContext { get; }

    public IServiceScope Scope { get; }

    public FakeLogCollector Logs { get; }

    public IOptionsMonitor<CioOptions> Options => _services.GetRequiredService<IOptionsMonitor<CioOptions>>();

    public T Create<T>() where T : TagHelper
    {
        var helper = ActivatorUtilities.CreateInstance<T>(Scope.ServiceProvider);
        typeof(T).GetProperty("ViewContext")!.SetValue(helper, new ViewContext { HttpContext = HttpContext });
        return helper;
    }

    public void SignIn(params Claim[] claims) =>
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));

    /// <summary>Runs the tag helper and returns the HTML that replaces the tag.</summary>
    public static async Task<string> RenderAsync(TagHelper helper, string tagName)
    {
        var context = new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput(tagName, new TagHelperAttributeList(),
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        await helper.ProcessAsync(context, output);
        Assert.Null(output.TagName);
        return output.PreContent.GetContent() + output.Content.GetContent() + output.PostContent.GetContent();
    }

    public IReadOnlyList<FakeLogRecord> LogsWithId(int eventId) =>
        Logs.GetSnapshot().Where(record => record.Id.Id == eventId).ToList();

    public void Dispose()
    {
        Scope.Dispose();
        _services.Dispose();
    }
}
