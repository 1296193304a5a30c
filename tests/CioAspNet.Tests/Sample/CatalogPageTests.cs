using System.Net;
using CioAspNet.Tests.Middleware;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CioAspNet.Tests.Sample;

// The catalogue pages are the load test's targets: an MVC view and a static file of about 30 KB.
public sealed class CatalogPageTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public CatalogPageTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
    }

    public static TheoryData<string> CatalogPages => ["/Catalog", "/catalog.html"];

    [Theory]
    [MemberData(nameof(CatalogPages))]
    public async Task CatalogPage_Get_CarriesLoaderAndEveryProduct(string path)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(1, WritePathTests.CountOccurrences(html, "data-cio-loader"));
        Assert.InRange(html.Length, 25 * 1024, 40 * 1024);
        using var document = Support.DomAssert.Parse(html);
        Assert.Equal(100, document.QuerySelectorAll("table.catalog tbody tr").Length);
        Assert.Equal(100, document.QuerySelectorAll("a[href^='https://docs.example.com/products/']").Length);
    }

    [Fact]
    public async Task CatalogCategory_Get_ListsOnlyThatCategory()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/Catalog?category=music", TestContext.Current.CancellationToken);

        using var document = Support.DomAssert.Parse(html);
        var categories = document.QuerySelectorAll("table.catalog tbody tr td:nth-child(2)")
            .Select(cell => cell.TextContent)
            .ToArray();
        Assert.NotEmpty(categories);
        Assert.All(categories, category => Assert.Equal("Music", category));
    }

    [Theory]
    [InlineData(1, HttpStatusCode.OK)]
    [InlineData(100, HttpStatusCode.OK)]
    [InlineData(101, HttpStatusCode.NotFound)]
    public async Task CatalogItem_Get_ReturnsProductOrNotFound(int id, HttpStatusCode expected)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync($"/Catalog/Item/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
