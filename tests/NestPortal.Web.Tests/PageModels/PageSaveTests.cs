using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.PageModels;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Infrastructure.TestClock;

namespace NestPortal.Web.Tests.PageModels;

/// <summary>
/// The cases of <see cref="PageSave"/> the page tests cannot provoke through a form: a unique index
/// refusing a value after the page's own check, and a refused change that must not be saved by a later
/// save in the same request. Real SQLite, the portal's own context.
/// </summary>
public sealed class PageSaveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Conflict = "inzwischen geändert";

    [Fact]
    public async Task A_value_saved_first_by_someone_else_becomes_a_message_at_its_field_and_nothing_is_saved()
    {
        await factory.CreateHouseholdAsync("NesT-EINMAL");

        await WithContextAsync(async (db, l) =>
        {
            var form = new ModelStateDictionary();
            // As if two clerks passed the page's check at the same moment: the index is the last word.
            var saved = await db.TrySaveAsync(() => db.Households.Add(Household.Record("NesT-EINMAL", null, null, Today, UtcNow)), form, l,
                new(Conflict, Taken: "vergeben", TakenKey: "Input.Reference"));

            saved.ShouldBeFalse();
            form["Input.Reference"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("vergeben");
            db.ChangeTracker.Entries().ShouldBeEmpty();
        });
        (await factory.QueryAsync(db => db.Households.CountAsync(h => h.Reference == "NesT-EINMAL"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_refused_for_a_stale_stamp_is_not_saved_by_a_later_save_of_the_same_request()
    {
        var id = await factory.CreateHouseholdAsync("NesT-ALTSTAND");

        await WithContextAsync(async (db, l) =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            var form = new ModelStateDictionary();

            var saved = await db.TrySaveAsync(household, h => h.ConcurrencyStamp, Guid.NewGuid(),
                () => household.ChangeDetails("NesT-ABGELEHNT", null, null, Today), form, l, new(Conflict));
            // A page that then logs a view saves again: the refused change must not go with it.
            await db.SaveChangesAsync();

            saved.ShouldBeFalse();
            form[string.Empty]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(Conflict);
        });
        (await factory.LoadHouseholdAsync(id)).Reference.ShouldBe("NesT-ALTSTAND");
    }

    [Fact]
    public async Task A_form_without_its_stamp_names_the_broken_rules_first_and_is_refused_as_stale_otherwise()
    {
        var id = await factory.CreateHouseholdAsync("NesT-OHNESTAND");

        await WithContextAsync(async (db, l) =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            var broken = new ModelStateDictionary();
            var stale = new ModelStateDictionary();

            (await db.TrySaveAsync(household, h => h.ConcurrencyStamp, null,
                () => household.ChangeDetails("NesT-OHNESTAND", Today.AddYears(5), null, Today), broken, l, new(Conflict))).ShouldBeFalse();
            household = await db.Households.SingleAsync(h => h.Id == id);
            (await db.TrySaveAsync(household, h => h.ConcurrencyStamp, null,
                () => household.ChangeDetails("NesT-OHNE-STAND", null, null, Today), stale, l, new(Conflict))).ShouldBeFalse();

            broken[string.Empty]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldNotBe(Conflict);
            stale[string.Empty]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(Conflict);
        });
        (await factory.LoadHouseholdAsync(id)).Reference.ShouldBe("NesT-OHNESTAND");
    }

    private async Task WithContextAsync(Func<NestPortalDbContext, IStringLocalizer, Task> test)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await test(scope.ServiceProvider.GetRequiredService<NestPortalDbContext>(),
            scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
    }
}
