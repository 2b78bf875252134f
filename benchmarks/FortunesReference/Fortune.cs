using Microsoft.EntityFrameworkCore;

namespace FortunesReference;

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = "";
}

public sealed class FortunesContext(DbContextOptions<FortunesContext> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    /// <summary>The twelve rows of TechEmpower's Fortunes test, markup and non-Latin text included, so the page encodes.</summary>
    public static readonly string[] Seed =
    [
        "fortune: No such file or directory",
        "A computer scientist is someone who fixes things that aren't broken.",
        "After enough decimal places, nobody gives a damn.",
        "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
        "A computer program does what you tell it to do, not what you want it to do.",
        "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
        "Any program that runs right is obsolete.",
        "A list is only as strong as its weakest link. — Donald Knuth",
        "Feature: A bug with seniority.",
        "Computers make very fast, very accurate mistakes.",
        "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
        "フレームワークのベンチマーク",
    ];

    /// <summary>A fresh file with the twelve rows on every start, so every run measures the same data.</summary>
    public static async Task RecreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FortunesContext>();
        // The yardstick's own throwaway file, not the portal's schema: created from its one-table model on each start,
        // as TechEmpower's test does; the portal's databases come only from its migrations.
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
        db.Fortunes.AddRange(Seed.Select(message => new Fortune { Message = message }));
        await db.SaveChangesAsync();
    }
}
