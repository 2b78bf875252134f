using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Startup;

namespace NestPortal.Development.DemoData;

/// <summary>
/// The demo accounts and the demo set (<see cref="DemoStories"/>, <see cref="DemoHistoryStories"/>), checked at every start: accounts that
/// are missing are created, the groups, households and outreach only into a database without any.
/// </summary>
public sealed class DemoDataSeed(
    NestPortalDbContext db, IdentitySeeder identity, UserManager<PortalUser> users, TimeProvider time,
    IHostEnvironment environment, IConfiguration configuration, ILogger<DemoDataSeed> logger) : IStartupSeed
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Refused, not skipped: a development host pointed at a Staging or Production database must stop
        // before it creates accounts whose password is in the README.
        if (!DemoAccounts.AllowedIn(environment))
            throw new InvalidOperationException(
                $"The demo data is only for Development and Testing (it creates accounts with published passwords), not for {environment.EnvironmentName}. Run NestPortal.Web there.");

        var stopwatch = Stopwatch.StartNew();
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null) continue;
            await identity.CreateConfirmedUserAsync(demo.Email, demo.DisplayName, demo.Role, demo.MunicipalityAgs, DemoUsers.Password);
        }

        var endProgramme = DemoProgrammeEnd.IsWanted(configuration);
        var lastActiveDay = DemoProgrammeEnd.LastActiveDay(endProgramme, time.TodayInGermany());
        await DemoGroups.SeedAsync(db, time, lastActiveDay);
        await DemoHouseholds.SeedAsync(db, time, lastActiveDay);
        // The end only with a fresh history, so an end an administrator took back stays taken back after a restart.
        // Demo:History=false leaves it out: tests that check the published figures of an imported history need it alone.
        if (configuration.GetValue(DemoHistory.Setting, true) && await DemoHistory.SeedAsync(db, time) && endProgramme)
            await DemoProgrammeEnd.ApplyAsync(db, time.TodayInGermany());
        await DemoOutreach.SeedAsync(db, time);
        await DemoAddresses.SeedAsync(db);
        logger.LogInformation("Demo data checked in {Milliseconds} ms", stopwatch.ElapsedMilliseconds);
    }
}
