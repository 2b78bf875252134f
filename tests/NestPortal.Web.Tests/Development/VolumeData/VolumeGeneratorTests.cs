using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Development.VolumeData;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Development.VolumeData;

/// <summary>The volume generator on a small scale: exact counts, the same data for the same seed, no second run.</summary>
public sealed class VolumeGeneratorTests
{
    /// <summary>Twenty households in three batches of eight: the batching is exercised, the run stays short.</summary>
    private static readonly VolumeOptions Small = new(Scale: 0.04, Seed: 7, BatchSize: 8);

    private static async Task<VolumeResult> GenerateAsync(PortalFactory factory, VolumeOptions options, List<string>? progress = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var generator = new VolumeGenerator(scope.ServiceProvider.GetRequiredService<NestPortalDbContext>(), TestClock.Instance);
        return await generator.RunAsync(options, line => progress?.Add(line));
    }

    private static Task<List<string>> SnapshotAsync(PortalFactory factory, string prefix) =>
        factory.QueryAsync(async db =>
        {
            var households = await db.Households.AsNoTracking().Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
                .Where(h => h.Reference.StartsWith(prefix)).OrderBy(h => h.Reference).ToListAsync();
            var sponsorships = await db.Sponsorships.AsNoTracking().ToDictionaryAsync(s => s.HouseholdId);
            return households.Select(h =>
                $"{h.Reference} {h.Status} {h.ExpectedArrival} {h.FirstArrival} | " +
                string.Join(", ", h.Persons.OrderBy(p => p.Id).Select(p => $"{p.GivenName} {p.FamilyName} {p.DateOfBirth:yyyy-MM-dd} {p.NationalityCode}/{p.FirstRefugeCountryCode} {p.LeftOn}")) + " | " +
                string.Join(", ", h.Allocations.OrderBy(a => a.Id).Select(a => $"{a.MunicipalityAgs} {a.DecisionDate:yyyy-MM-dd} {a.IsCurrent} {a.IsAcknowledged}")) + " | " +
                $"{sponsorships[h.Id].Apartment.Address} {sponsorships[h.Id].Apartment.MonthlyNetColdRent} {sponsorships[h.Id].EscrowAccount.Iban} {sponsorships[h.Id].RentEndsOn}").ToList();
        });

    [Fact]
    public async Task A_small_run_makes_exactly_the_asked_volume_the_same_way_for_the_same_seed()
    {
        await using var first = new PortalFactory();
        await using var second = new PortalFactory();
        var before = await first.QueryAsync(async db => (Groups: await db.MentoringGroups.CountAsync(), Households: await db.Households.CountAsync()));
        var progress = new List<string>();

        var result = await GenerateAsync(first, Small, progress);
        await GenerateAsync(second, Small);

        result.ShouldBe(result with { Groups = 20, Households = 20, Persons = 100, Sponsorships = 20 });
        result.Allocations.ShouldBeInRange(17, 24, "most households are allocated, a few twice");
        progress.Count.ShouldBe(3, "one line per batch of eight");
        progress[^1].ShouldContain("20 / 20");

        var saved = await first.QueryAsync(async db => new
        {
            Groups = await db.MentoringGroups.CountAsync() - before.Groups,
            ApprovedWithMembers = await db.MentoringGroups.CountAsync(g => g.CreatedByUserId.StartsWith("volume-mentor-7-") && g.Status == GroupStatus.Approved && g.Members.Count >= 4),
            Households = await db.Households.CountAsync() - before.Households,
            Persons = await db.Refugees.CountAsync(r => db.Households.Any(h => h.Reference.StartsWith("V7-") && EF.Property<int>(r, "HouseholdId") == h.Id)),
            Sponsorships = await db.Sponsorships.CountAsync(s => db.Households.Any(h => h.Reference.StartsWith("V7-") && s.HouseholdId == h.Id)),
            FlatMunicipalities = await db.Sponsorships.Where(s => db.Households.Any(h => h.Reference.StartsWith("V7-") && s.HouseholdId == h.Id))
                .Select(s => s.Apartment.MunicipalityAgs).Distinct().CountAsync(),
            Audited = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Household)),
        });
        saved.Groups.ShouldBe(20);
        saved.ApprovedWithMembers.ShouldBe(20);
        saved.Households.ShouldBe(20);
        saved.Persons.ShouldBe(100);
        saved.Sponsorships.ShouldBe(20);
        saved.FlatMunicipalities.ShouldBe(20, "round robin over the municipalities");
        saved.Audited.ShouldBeGreaterThanOrEqualTo(before.Households + 20, "the audit log is written as for any change");

        var spread = await first.QueryAsync(async db => new
        {
            ArrivalYears = await db.Refugees.Where(r => r.ArrivedOn != null && db.Households.Any(h => h.Reference.StartsWith("V7-") && EF.Property<int>(r, "HouseholdId") == h.Id))
                .Select(r => r.ArrivedOn!.Value.Year).Distinct().ToListAsync(),
            RuleSets = await db.MentoringGroups.Where(g => g.CreatedByUserId.StartsWith("volume-mentor-7-")).Select(g => g.RuleSetId).Distinct().CountAsync(),
        });
        spread.ArrivalYears.Count.ShouldBeGreaterThanOrEqualTo(4, "arrivals spread over the programme's years");
        spread.ArrivalYears.Min().ShouldBeLessThan(2022, "back into the pilot");
        spread.RuleSets.ShouldBe(2, "groups submitted under the pilot's and the permanent rules");

        var snapshot = await SnapshotAsync(first, "V7-");
        snapshot.Count.ShouldBe(20);
        snapshot.ShouldBe(await SnapshotAsync(second, "V7-"));
    }

    [Fact]
    public async Task The_same_seed_is_not_generated_twice_into_one_database_but_another_seed_is()
    {
        await using var factory = new PortalFactory();
        var tiny = new VolumeOptions(Scale: 0.01, Seed: 3);
        await GenerateAsync(factory, tiny);
        var households = await factory.QueryAsync(db => db.Households.CountAsync());

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => GenerateAsync(factory, tiny));

        refused.Message.ShouldContain("seed 3");
        (await factory.QueryAsync(db => db.Households.CountAsync())).ShouldBe(households);
        (await GenerateAsync(factory, tiny with { Seed = 4 })).Households.ShouldBe(5);
        (await factory.QueryAsync(db => db.Households.CountAsync())).ShouldBe(households + 5);
    }

    [Fact]
    public async Task After_the_programme_s_end_every_match_lies_on_or_before_its_last_day_and_families_still_arrive()
    {
        await using var factory = new PortalFactory();

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var result = await GenerateAsync(factory, new VolumeOptions(Scale: 0.04, Seed: 11, BatchSize: 20));

            result.Sponsorships.ShouldBe(20);
            var matched = await factory.QueryAsync(db => db.Sponsorships
                .Where(s => db.Households.Any(h => h.Reference.StartsWith("V11-") && s.HouseholdId == h.Id)).Select(s => s.MatchedOn).ToListAsync());
            matched.ShouldAllBe(day => day <= TestProgrammeEnd.LastDay);
            (await factory.QueryAsync(db => db.Households.CountAsync(h => h.Reference.StartsWith("V11-") && h.ExpectedArrival > TestGroups.Today)))
                .ShouldBeGreaterThan(0, "arrivals go on after the end");
        });
    }

    [Theory]
    [InlineData(10, 5_000, 25_000)]
    [InlineData(1, 500, 2_500)]
    [InlineData(0.2, 100, 500)]
    [InlineData(0.01, 5, 25)]
    public void The_scale_is_a_multiple_of_national_scale(double scale, int groups, int persons)
    {
        var options = new VolumeOptions(scale);
        options.Groups.ShouldBe(groups);
        options.Households.ShouldBe(groups);
        options.Persons.ShouldBe(persons);
    }

    [Fact]
    public void The_command_reads_its_own_arguments_and_leaves_the_rest_to_the_host()
    {
        var (options, hostArgs, error) = VolumeOptions.Parse(["--scale", "0.2", "--ConnectionStrings:Sqlite=Data Source=v.db", "--seed", "9", "--batch", "100"]);

        error.ShouldBeNull();
        options.ShouldBe(new VolumeOptions(0.2, 9, 100));
        hostArgs.ShouldBe(["--ConnectionStrings:Sqlite=Data Source=v.db"]);
        VolumeOptions.Parse(["--scale", "10"]).Options.ShouldBe(new VolumeOptions(10, VolumeOptions.DefaultSeed, VolumeOptions.DefaultBatchSize));
    }

    [Theory]
    [InlineData(new string[0], "--scale is required.")]
    [InlineData(new[] { "--scale" }, "--scale needs a value.")]
    [InlineData(new[] { "--scale", "zehn" }, "--scale zehn: not a valid value.")]
    [InlineData(new[] { "--scale", "-1" }, "--scale -1: not a valid value.")]
    [InlineData(new[] { "--scale", "0.0001" }, "--scale 0.0001 makes no household.")]
    [InlineData(new[] { "--scale", "1", "--batch", "0" }, "--batch 0: not a valid value.")]
    public void Bad_arguments_are_named(string[] args, string message)
    {
        var (options, _, error) = VolumeOptions.Parse(args);
        options.ShouldBeNull();
        error.ShouldBe(message);
    }
}
