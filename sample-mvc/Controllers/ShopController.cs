using CioAspNet;
using Microsoft.AspNetCore.Mvc;
using SampleMvc.Models;

namespace SampleMvc.Controllers;

/// <summary>A one-product shop: add to cart (tracked in the view) and purchase (tracked from here).</summary>
public sealed class ShopController : Controller
{
    private readonly ICioCalls _cio;

    /// <summary>Creates the controller with the request's Customer.io calls.</summary>
    public ShopController(ICioCalls cio)
    {
        _cio = cio;
    }

    /// <summary>The product page.</summary>
    [HttpGet]
    public IActionResult Product() => View(new ProductPage(Models.Product.Book, Added: false));

    /// <summary>Adds the product to the cart; the page it renders tracks addedToCart with &lt;cio-track&gt;.</summary>
    [HttpPost]
    public IActionResult AddToCart() => View("Product", new ProductPage(Models.Product.Book, Added: true));

    /// <summary>Queues the purchased event and redirects: the thank-you page emits it.</summary>
    [HttpPost]
    public IActionResult Purchase()
    {
        var book = Models.Product.Book;
        _cio.Track("purchased", new
        {
            price = book.Price,
            items = new[] { new { sku = book.Sku, name = book.Name, quantity = 1 } },
        });
        return RedirectToAction(nameof(ThankYou));
    }

    /// <summary>The page after a purchase.</summary>
    [HttpGet]
    public IActionResult ThankYou() => View();
}
