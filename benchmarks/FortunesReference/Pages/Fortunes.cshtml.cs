using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FortunesReference.Pages;

/// <summary>TechEmpower's Fortunes: read every row without tracking, add one in memory, sort by message.</summary>
public sealed class FortunesModel(FortunesContext db) : PageModel
{
    public IReadOnlyList<Fortune> Fortunes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var fortunes = await db.Fortunes.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        fortunes.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        Fortunes = fortunes;
    }
}
