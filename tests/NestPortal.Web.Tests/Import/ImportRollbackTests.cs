using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Operations;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

/// <summary>The portal with a fault that can be armed: the next save that adds a sponsorship fails, as a lost connection would.</summary>
public sealed class FaultyPortalFactory : PortalFactory
{
    public SponsorshipSaveFault Fault { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Fault));
    }

    public sealed class SponsorshipSaveFault : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<Sponsorship>().Any(e => e.State == EntityState.Added))
                throw new InvalidOperationException("Injected failure while saving sponsorships.");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

public sealed class ImportRollbackTests(FaultyPortalFactory factory) : IClassFixture<FaultyPortalFactory>
{
    [Fact]
    public async Task A_failure_during_the_commit_rolls_back_everything_already_written()
    {
        var (import, report) = await factory.DryRunAsync(ImportSampleWorkbook.Valid(2, "FAIL").ToXlsx());
        report.ErrorCount.ShouldBe(0, report.Describe());
        var before = await factory.CountsAsync();

        factory.Fault.Armed = true;
        try
        {
            var (failed, failure) = await factory.CommitAsync(import.Id);
            failed.Status.ShouldBe(DataImportStatus.Failed);
            failure.Failure!.De.ShouldStartWith("Die Übernahme ist fehlgeschlagen und wurde vollständig zurückgenommen; es wurde nichts geschrieben.");
        }
        finally
        {
            factory.Fault.Armed = false;
        }

        // Groups and households were saved before the sponsorships, in the same transaction: they are gone too.
        (await factory.CountsAsync()).ShouldBe(before);
        (await factory.QueryAsync(db => db.DataImportFiles.AnyAsync(f => f.DataImportId == import.Id))).ShouldBeFalse();
    }
}
