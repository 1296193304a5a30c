namespace SampleMvc.Models;

/// <summary>The one product of the sample shop.</summary>
public sealed record Product(string Sku, string Name, string Price)
{
    /// <summary>The product that the shop pages show.</summary>
    public static Product Book { get; } = new("book-ae-1843", "Notes on the Analytical Engine", "23.45");
}

/// <summary>The product page: the product, and whether it was just added to the cart.</summary>
public sealed record ProductPage(Product Product, bool Added);
