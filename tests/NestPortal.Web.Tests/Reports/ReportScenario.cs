using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports;

/// <summary>
/// Builds report data through the aggregates, then moves its dates into years before NesT (2010–2016)
/// with plain SQL, so the demo data (2019 onwards) never falls into a test's range.
/// </summary>
public static class ReportScenario
{
    /// <summary>
    /// The age at arrival as the domain keeps it, for arrivals these scenarios set in SQL (the same
    /// expression as the migration that introduced the column).
    /// </summary>
    public const string RecomputeAgeAtArrival = """
        UPDATE Refugees SET AgeAtArrival =
            CAST(substr(ArrivedOn, 1, 4) AS INTEGER) - CAST(substr(DateOfBirth, 1, 4) AS INTEGER)
            - (CASE WHEN substr(ArrivedOn, 6, 5) < substr(DateOfBirth, 6, 5) THEN 1 ELSE 0 END)
        WHERE ArrivedOn IS NOT NULL;
        """;

    public const string Bochum = "05911000";
    public const string Dortmund = "05913000";

    public static Task<int> GroupAsync(this PortalFactory factory, string? name = null) =>
        factory.CreateApprovedGroupAsync("report-test-owner", name ?? "Berichtsgruppe " + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>A household of <paramref name="persons"/> matched with the group, allocated to <paramref name="ags"/>, everyone arrived on <paramref name="arrivedOn"/>.</summary>
    public static async Task<(int HouseholdId, int SponsorshipId)> SponsoredAsync(this PortalFactory factory, int groupId, DateOnly arrivedOn,
        int persons = 1, string ags = Bochum, int supportMonths = 12, DateOnly? rentEndsOn = null)
    {
        // A group carries one running sponsorship at a time: the earlier ones are done in these scenarios.
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Sponsorships SET Status = 'Completed' WHERE GroupId = {groupId}"));
        var householdId = await factory.CreateHouseholdAsync(persons: persons);
        var sponsorshipId = await factory.MatchAsync(groupId, householdId, ags);
        await factory.AllocateAsync(householdId, ags);
        var rentEnd = rentEndsOn ?? arrivedOn.AddMonths(6);
        await factory.SqlAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Refugees SET ArrivedOn = {arrivedOn} WHERE HouseholdId = {householdId}");
            await db.Database.ExecuteSqlRawAsync(RecomputeAgeAtArrival);
            await db.Database.ExecuteSqlAsync($"UPDATE Households SET FirstArrival = {arrivedOn} WHERE Id = {householdId}");
            await db.Database.ExecuteSqlAsync(
                $"UPDATE Sponsorships SET SupportMonths = {supportMonths}, RentEndsOn = {rentEnd}, Status = 'Running' WHERE Id = {sponsorshipId}");
        });
        return (householdId, sponsorshipId);
    }

    public static Task LeaveAsync(this PortalFactory factory, int householdId, DateOnly leftOn, int persons = 1) =>
        factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Refugees SET LeftOn = {leftOn}, DepartureReason = 'MovedAway' WHERE Id IN (SELECT Id FROM Refugees WHERE HouseholdId = {householdId} ORDER BY Id LIMIT {persons})"));

    public static Task SqlAsync(this PortalFactory factory, Func<NestPortal.Data.NestPortalDbContext, Task> change) => factory.ExecuteAsync(change);

    public static async Task<AnnualReport> ReportAsync(this PortalFactory factory, DateOnly stichtag, int fromYear, int toYear)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>().RunAsync(new ReportRequest(stichtag, fromYear, toYear));
    }

    public static async Task<IReadOnlyList<ReportTable>> TablesAsync(this PortalFactory factory, AnnualReport report)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return report.ToTables(scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
    }
}
