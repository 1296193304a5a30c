using System.Globalization;

namespace SampleMvc.Models;

/// <summary>One product of the sample catalogue.</summary>
public sealed record CatalogItem(int Id, string Sku, string Name, string Category, string Summary, decimal Price)
{
    private static readonly string[] Categories = ["Books", "Music", "Garden", "Kitchen", "Toys", "Tools"];
    private static readonly string[] Adjectives = ["Compact", "Classic", "Handmade", "Solid oak", "Travel", "Deluxe"];
    private static readonly string[] Nouns = ["notebook", "record", "planter", "kettle", "puzzle", "toolbox", "lamp"];

    /// <summary>The catalogue's 100 products, the same on every run.</summary>
    public static IReadOnlyList<CatalogItem> All { get; } = [.. Enumerable.Range(1, 100).Select(Create)];

    /// <summary>The price with two decimals, as the catalogue shows it.</summary>
    public string PriceText => Price.ToString("0.00", CultureInfo.InvariantCulture);

    private static CatalogItem Create(int id)
    {
        var category = Categories[id % Categories.Length];
        var name = $"{Adjectives[id % Adjectives.Length]} {Nouns[id % Nouns.Length]} no. {id}";
        var summary = $"A {name.ToLowerInvariant()} from our {category.ToLowerInvariant()} range, " +
            $"shipped within {2 + (id % 4)} days.";
        var price = 4.99m + (id * 37 % 200);
        return new CatalogItem(id, $"{category[..3].ToUpperInvariant()}-{id:D4}", name, category, summary, price);
    }
}
