using NestPortal.Web.Lookups;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Lookups;

public sealed class HouseholdReferencesTests(EntryDefaultsPortalFactory factory) : IClassFixture<EntryDefaultsPortalFactory>
{
    private static string YearOf2Digits => (TestGroups.Today.Year % 100).ToString("00");

    private async Task<string?> NextFreeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HouseholdReferences>().NextFreeAsync();
    }

    [Fact]
    public async Task References_are_suggested_after_the_configured_pattern()
    {
        // The create page shows this suggestion (Pages/Households/CreateTests); here the pattern comes from the configuration.
        (await NextFreeAsync()).ShouldBe($"KfI/{YearOf2Digits}/001", "none yet this year");

        await factory.CreateHouseholdAsync($"KfI/{YearOf2Digits}/007", persons: 0);
        await factory.CreateHouseholdAsync($"kfi/{YearOf2Digits}/012", persons: 0);
        await factory.CreateHouseholdAsync($"KfI/{YearOf2Digits}/0099x", persons: 0);
        await factory.CreateHouseholdAsync("KfI/_9/099", persons: 0);

        (await NextFreeAsync()).ShouldBe($"KfI/{YearOf2Digits}/013");
    }

    [Theory]
    [InlineData("NesT-{yyyy}", "exactly one running number")]
    [InlineData("NesT-{jahr}-{n}", "unknown placeholder {jahr}")]
    [InlineData("Bezirksregierung Arnsberg, Kompetenzzentrum für Integration, NesT-{yyyy}-{n:0000}", "longer than the 50 characters")]
    public void A_pattern_the_portal_cannot_use_stops_it_at_start_with_a_reason(string pattern, string reason)
    {
        Should.Throw<InvalidOperationException>(() => ReferenceOptions.Check(pattern)).Message.ShouldContain(reason);
    }

    [Fact]
    public void Without_a_pattern_the_default_is_used()
    {
        ReferenceOptions.Check(null).Text.ShouldBe("NesT-{yyyy}-{n:0000}");
    }
}
