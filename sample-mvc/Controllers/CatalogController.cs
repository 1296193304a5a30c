using Microsoft.AspNetCore.Mvc;
using SampleMvc.Models;

namespace SampleMvc.Controllers;

/// <summary>A product catalogue: a page of about 30 KB with many links, used by the load test.</summary>
public sealed class CatalogController : Controller
{
    /// <summary>Lists every product, or those of one category.</summary>
    public IActionResult Index(string? category)
    {
        IReadOnlyList<CatalogItem> items = CatalogItem.All;
        if (!string.IsNullOrEmpty(category))
        {
            items = [.. items.Where(item => item.Category.Equals(category, StringComparison.OrdinalIgnoreCase))];
        }

        ViewData["Category"] = category;
        return View(items);
    }

    /// <summary>Shows one product.</summary>
    public IActionResult Item(int id)
    {
        var item = CatalogItem.All.FirstOrDefault(candidate => candidate.Id == id);
        return item is null ? NotFound() : View(item);
    }
}
