using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Escrow;
using NestPortal.Web.Tests.Pages.MyMunicipality;

namespace NestPortal.Web.Tests.Writers;

/// <summary>
/// Another writer holds SQLite's one write lock (ADR 0022): a clerk's booking waits for it up to the busy
/// timeout and then gets the German busy page (503, Retry-After), never a 500 and nothing half-saved; a page
/// view is shown and its audit rows are written afterwards; readiness tells a database that cannot be written.
/// </summary>
[Collection(nameof(BusyWriterTests))]
public sealed class BusyWriterTests(WriterPortalFactory factory) : IClassFixture<WriterPortalFactory>
{
    private static Dictionary<string, string> Deposit(string amount) => new()
    {
        ["Input.Amount"] = amount,
        ["Input.ValueDate"] = TestGroups.Today.Iso(),
        ["Input.BankReference"] = "SEPA Gutschrift Patenschaft",
    };

    [Fact]
    public async Task A_deposit_while_another_writer_holds_the_lock_beyond_the_timeout_gets_the_busy_page_and_saves_nothing()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Gesperrt");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync($"/Escrow/Deposit/{id}");

        HttpResponseMessage response;
        await using (await factory.HoldWriteLockAsync())
            response = await client.SubmitAsync($"/Escrow/Deposit/{id}", form, Deposit("300,00"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(BusyDatabase.RetryAfterSeconds));
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("main")!.TextContent.ShouldContain(
            "Das Portal ist gerade stark beschäftigt. Bitte versuchen Sie es in einigen Sekunden noch einmal; Ihre Eingaben wurden nicht gespeichert.");
        (await factory.EntriesAsync(id)).ShouldBeEmpty();
        (await factory.LoadSponsorshipAsync(id)).EscrowBalance.ShouldBe(0m);

        // The same form sent again once the writer is gone books once.
        (await client.SubmitAsync($"/Escrow/Deposit/{id}", form, Deposit("300,00"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.EntriesAsync(id)).ShouldHaveSingleItem().Amount.ShouldBe(300m);
    }

    [Fact]
    public async Task A_deposit_waits_for_a_writer_that_finishes_within_the_timeout_and_is_booked()
    {
        var id = await factory.SponsorshipAsync("Einzahlung Wartet");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var form = await client.OpenFormAsync($"/Escrow/Deposit/{id}");

        var held = await factory.HoldWriteLockAsync();
        // Released from another task the moment the booking begins its transaction: it finds the lock taken and waits.
        factory.Transactions.OnStarting = () => _ = Task.Run(held.ReleaseAsync);
        try
        {
            var response = await client.SubmitAsync($"/Escrow/Deposit/{id}", form, Deposit("250,00"));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await factory.EntriesAsync(id)).ShouldHaveSingleItem().Amount.ShouldBe(250m);
        }
        finally
        {
            factory.Transactions.OnStarting = null;
            await held.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_municipality_sees_a_household_while_the_writer_is_held_and_the_view_is_logged_afterwards()
    {
        var id = await factory.AllocatedHouseholdAsync(MunicipalityHouseholds.Dortmund, "Gesperrt", persons: 2);
        var persons = await factory.QueryAsync(db => db.Households.Where(h => h.Id == id).SelectMany(h => h.Persons).Select(p => p.Id).ToListAsync());
        var client = await factory.SignedInAsAsync(Roles.Municipality);
        var spool = factory.Services.GetRequiredService<ViewLogSpool>();

        await using (await factory.HoldWriteLockAsync())
        {
            var response = await client.GetAsync($"/MyMunicipality/Households/{id}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            spool.HasPending.ShouldBeTrue("the view rows wait in the spool while the writer holds the lock");
        }

        (await ViewsAsync(persons)).ShouldBe(0);
        (await spool.FlushAsync()).ShouldBeGreaterThanOrEqualTo(2);

        (await ViewsAsync(persons)).ShouldBe(2);
        spool.HasPending.ShouldBeFalse();
        var logged = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Viewed && a.EntityType == nameof(Refugee) && a.EntityId == persons[0].ToString()).SingleAsync());
        logged.Role.ShouldBe(Roles.Municipality);
        logged.RequestId.ShouldNotBeNullOrEmpty();
    }

    private Task<int> ViewsAsync(List<int> persons)
    {
        var ids = persons.Select(p => p.ToString()).ToList();
        return factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Viewed && a.EntityType == nameof(Refugee) && ids.Contains(a.EntityId)));
    }

    [Fact]
    public async Task Readiness_is_unhealthy_for_a_database_that_cannot_be_written_while_liveness_answers()
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.ReadOnly.On = true;
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var health = await client.GetAsync("/health");
            var live = await client.GetAsync("/health/live");

            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        }
        finally
        {
            factory.ReadOnly.On = false;
        }

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[CollectionDefinition(nameof(BusyWriterTests), DisableParallelization = true)]
public sealed class BusyWriterCollection;
