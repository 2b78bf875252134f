using NestPortal.Web.Lookups;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Lookups;

public sealed class CommonCountriesTests(EntryDefaultsPortalFactory factory) : IClassFixture<EntryDefaultsPortalFactory>
{
    private async Task<IReadOnlyList<string>> NationalitiesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonCountries>().NationalitiesAsync();
    }

    private async Task<IReadOnlyList<string>> FirstRefugeCountriesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommonCountries>().FirstRefugeCountriesAsync();
    }

    [Fact]
    public async Task An_empty_portal_offers_the_configured_countries_then_its_own_data_counted_once_every_few_minutes()
    {
        // A new installation: no person yet, so the configured list (an unknown code skipped, "XX" is a nationality).
        (await NationalitiesAsync()).ShouldBe(["YE", "XX", "CD"]);
        (await FirstRefugeCountriesAsync()).ShouldBe(["LB", "JO", "TR"], "none configured: the typical ones");

        // Three Afghan persons and one Eritrean are recorded.
        await factory.ExecuteAsync(db => db.Households.Add(Family("AF", "IR", 3)));
        await factory.ExecuteAsync(db => db.Households.Add(Family("ER", "ET", 1)));

        (await NationalitiesAsync()).ShouldBe(["YE", "XX", "CD"], "counted a few minutes ago: not counted again on every form");

        factory.Services.GetRequiredService<IMemoryCache>().Remove("common-countries:nationality");
        factory.Services.GetRequiredService<IMemoryCache>().Remove("common-countries:first-refuge");
        (await NationalitiesAsync()).ShouldBe(["AF", "ER", "YE"], "most persons first, topped up from the configured ones");
        (await FirstRefugeCountriesAsync()).ShouldBe(["IR", "ET", "LB"]);
    }

    private static Domain.Households.Household Family(string nationality, string firstRefuge, int persons)
    {
        var today = TestGroups.Today;
        var household = Domain.Households.Household.Record("NesT-" + Guid.NewGuid().ToString("N")[..8], null, null, today, TestClock.UtcNow);
        for (var i = 0; i < persons; i++)
            household.AddPerson(new Domain.Households.RefugeeDetails($"Person{i + 1}", "Rahimi", today.AddYears(-30 - i), Domain.Households.Sex.Female,
                nationality, firstRefuge, today.AddMonths(-3), "BAMF-1", null, null), today);
        return household;
    }
}
