using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.ImportSample;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Retention;

/// <summary>
/// /Admin/Retention: the dry run lists what is due by case reference and group name (no person's name),
/// and the erasure needs a confirmation. The erasure itself is tested in Privacy/ErasureTests; the
/// refused roles in the access matrix.
/// </summary>
public sealed class IndexTests
{
    [Fact]
    public async Task The_dry_run_lists_what_is_due_without_names_of_persons_and_changes_nothing()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        using var administrator = await factory.SignedInAsAsync(Roles.Administrator);
        await administrator.ImportAsync(ImportSampleFiles.CsvFiles());
        var personNames = await factory.QueryAsync(db => db.Refugees.Select(r => r.FamilyName).Distinct().ToListAsync());

        var page = await administrator.GetPageAsync("/Admin/Retention");

        page.QuerySelector("[data-period=refugees]")!.TextContent.ShouldContain("36 Monate");
        var due = page.QuerySelectorAll("#due-households tbody tr").Length;
        due.ShouldBeGreaterThan(0);
        page.QuerySelector("[data-fact=due-counts]")!.TextContent.ShouldContain($"Familien: {due}");
        var households = page.QuerySelector("#due-households")!.TextContent;
        personNames.ShouldAllBe(name => !households.Contains(name), "households are listed by case reference: administrators see no refugee names");
        (await factory.QueryAsync(db => db.Households.CountAsync(h => h.ErasedOn != null))).ShouldBe(0, "a dry run erases nothing");
    }

    /// <summary>Without the confirmation nothing is erased, and the page says what to do.</summary>
    [Fact]
    public async Task Without_confirmation_nothing_is_erased()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        using var administrator = await factory.SignedInAsAsync(Roles.Administrator);
        await administrator.ImportAsync(ImportSampleFiles.CsvFiles());
        var erasedBefore = await factory.QueryAsync(db => db.Households.CountAsync(h => h.ErasedOn != null));

        var response = await administrator.PostFormAsync("/Admin/Retention", new Dictionary<string, string>());

        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldContain("Bitte bestätigen Sie, dass Sie die Liste geprüft haben; die Löschung kann nicht rückgängig gemacht werden.");
        page.QuerySelectorAll("#due-households tbody tr").Length.ShouldBeGreaterThan(0, "the list is shown again");
        (await factory.QueryAsync(db => db.Households.CountAsync(h => h.ErasedOn != null))).ShouldBe(erasedBefore);
    }

}
