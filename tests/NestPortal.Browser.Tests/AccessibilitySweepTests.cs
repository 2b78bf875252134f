using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Each demo role, and a visitor, opens every page it may open (from the app's own endpoint list and
/// the access table), in German and in English, in a laptop's (1366 × 768) and a phone's (390 × 844)
/// window: the page itself answers (no redirect, no 404), axe-core's WCAG 2.1 A/AA rules find nothing,
/// and nothing is wider than the window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilitySweepTests(BrowserHost host)
{
    public static TheoryData<string, string> RolesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in AccessTable.Callers)
        foreach (var culture in new[] { "de-DE", "en" })
            data.Add(caller, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndCultures))]
    public async Task Every_page_a_role_may_open_passes_axe_and_fits_a_laptop_and_a_phone(string caller, string culture)
    {
        var page = await host.NewPageAsync(culture);
        if (caller != AccessTable.Anonymous)
        {
            var email = DemoUsers.All.Single(u => u.Role == caller).Email;
            await host.SignInAsync(page, email, DemoUsers.Password);
            if (page.Url.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
                await host.EnrolAuthenticatorAsync(page, email);
        }

        var urls = await UrlsFor(caller);
        urls.Count.ShouldBeGreaterThan(5);
        // Every page is checked even when one fails, so one run names all the pages to mend.
        var failures = new List<string>();
        foreach (var url in urls)
        {
            try
            {
                await CheckAsync(page, caller, culture, url);
            }
            catch (ShouldAssertException failure)
            {
                failures.Add($"{url}: {failure.Message}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task CheckAsync(IPage page, string caller, string culture, string url)
    {
        var (width, height) = BrowserHost.Windows[0];
        await page.SetViewportSizeAsync(width, height);
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(url == ErrorPage ? 404 : 200, $"{caller} GET {url}");
        if (RedirectsByDesign.TryGetValue(url, out var target) || (url == "/" && caller != AccessTable.Anonymous))
        {
            var landed = new Uri(page.Url).AbsolutePath;
            if (target is null) landed.ShouldNotBe(url, $"{caller} GET {url}");
            else landed.ShouldBe(target, $"{caller} GET {url}");
            return;
        }

        // The page asked for, not a login page, an error page or another page it sent us on to.
        new Uri(page.Url).PathAndQuery.ShouldBe(url, $"{caller} GET {url} was redirected");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(culture == "en" ? "en" : "de", url);
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
    }

    /// <summary>
    /// The pages every visitor must reach (Impressum, privacy notice, accessibility statement) pass axe and
    /// fit a phone's and a laptop's width, in German and English, the feedback form also with its errors shown.
    /// </summary>
    [Theory]
    [InlineData("de-DE")]
    [InlineData("en")]
    public async Task The_legal_pages_pass_axe_and_fit_a_phone_and_a_laptop(string culture)
    {
        var page = await host.NewPageAsync(culture);
        foreach (var url in new[] { "/Impressum", "/Datenschutz", "/Barrierefreiheit" })
        {
            var response = await page.GotoAsync(url);
            response.ShouldNotBeNull();
            response.Status.ShouldBe(200, url);
            await BrowserHost.AssertAccessibleAndFitsAsync(page);
        }

        // The feedback form sent without a message: the page shows why, and stays accessible.
        await page.GotoAsync("/Barrierefreiheit");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator("#Input_Message-error").First)
            .ToHaveTextAsync(culture == "en" ? "Please write your message." : "Bitte schreiben Sie Ihre Nachricht.");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
    }

    private const string ErrorPage = "/Error?code=404";

    /// <summary>
    /// Pages that send a GET on, and where: the second step of signing in is shown only between password
    /// and code (the journeys cover it); the language switch answers the menu's form and sends a GET on
    /// to the start page (which depends on the role: null); the report's export without a format goes back
    /// to the report. The start page "/" itself sends a signed-in
    /// person on to their role's first page.
    /// </summary>
    private static readonly Dictionary<string, string?> RedirectsByDesign = new()
    {
        ["/Account/LoginWith2fa"] = "/Account/Login",
        ["/Account/LoginWithRecoveryCode"] = "/Account/Login",
        ["/Culture"] = null,
        // The exports answer a chosen format; without one they send the visitor back to the report.
        ["/Reports/Export"] = "/Reports",
    };

    /// <summary>
    /// Pages any signed-in caller passes but that answer 404 outside the record's scope by design (ADR 0024):
    /// municipalities and administrators reach no documents, mentors do not ask for them. The download is a file.
    /// </summary>
    private static bool OutsideTheirScope(string page, string caller) =>
        page == "/Documents/Download"
        || (page.StartsWith("/Documents/", StringComparison.Ordinal) && caller is Roles.Municipality or Roles.Administrator)
        || (page == "/Documents/Request" && caller == Roles.Mentor);

    private async Task<IReadOnlyList<string>> UrlsFor(string caller)
    {
        var ids = await DemoIds.ReadAsync(host.Factory);
        // A message to this caller's own account: another's would be a 404 (Messages/Details).
        long? message = caller == AccessTable.Anonymous ? null : await DemoIds.MessageToAsync(host.Factory, caller);
        return PageCatalogue.Pages(host.Factory)
            .Where(p => p.Handlers.Any(h => h.Method == "GET" && h.Name is null))
            .Where(p => AccessTable.For(p.Page, caller) == Outcome.Allowed)
            // Signing out would end the sweep; the logout page only answers POST anyway.
            .Where(p => p.Page != "/Account/Logout")
            .Where(p => !OutsideTheirScope(p.Page, caller))
            .Select(p => p.Page == "/Messages/Details" ? $"{p.Route}?id={message}" : ids.UrlFor(p.Page, p.Route))
            .ToList();
    }
}

/// <summary>
/// Records of the demo set that show each page at its fullest: a page about one record is opened
/// with a record that has what the page can show (a household with persons and an allocation, …).
/// </summary>
internal sealed record DemoIds(int DraftGroup, int Member, int SubmittedGroup, int SponsoringGroup, int Household, int Person,
    int ArrivedHousehold, int ArrivedPerson, int UnmatchedHousehold, int MatchedHousehold, int Sponsorship, int Allocation, int DortmundHousehold,
    int PermanentRuleSet, int SponsoringMember, int EscrowAccount, int EscrowEntry, int RentRun, int Outreach, int Import, string Account, int FailedMail, int Document)
{
    public static async Task<DemoIds> ReadAsync(PortalFactory factory)
    {
        var draft = await factory.DemoMentorGroupIdAsync();
        var member = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == draft).SelectMany(g => g.Members).Select(m => m.Id).FirstAsync());
        var submitted = await factory.GroupIdAsync("Patenkreis Bielefeld-Mitte");
        var sponsoring = await factory.GroupIdAsync("Patenschaft Phoenixsee");
        // A member who is not a main contact: the departure pages show their full form for them.
        var sponsoringMember = await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Id == sponsoring)
            .SelectMany(g => g.Members).Where(m => !m.IsMainContact).Select(m => m.Id).FirstAsync());
        var arrived = await factory.QueryAsync(db => db.Households.Where(h => h.Status == HouseholdStatus.Arrived)
            .Select(h => new { h.Id, Person = h.Persons.Where(p => p.LeftOn == null).Select(p => p.Id).First() }).FirstAsync());
        var allocated = await factory.QueryAsync(db => db.Households.Where(h => h.AllocatedMunicipalityAgs != null)
            .Select(h => new { h.Id, Person = h.Persons.Select(p => p.Id).First(), Allocation = h.Allocations.Select(a => a.Id).First() }).FirstAsync());
        var unmatched = await factory.QueryAsync(db => db.Households.Where(h => !h.IsMatched && h.Persons.Any()).Select(h => h.Id).FirstAsync());
        var matched = await factory.QueryAsync(db => db.Households.Where(h => h.Status == HouseholdStatus.Matched).Select(h => h.Id).FirstAsync());
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == allocated.Id).Select(s => s.Id).FirstAsync());
        var dortmund = Ags.Parse(DemoUsers.All.Single(u => u.Role == Roles.Municipality).MunicipalityAgs);
        // The municipality sees a household while its sponsorship runs (HouseholdScope).
        var dortmundHousehold = await factory.QueryAsync(db => db.Households
            .Where(h => h.AllocatedMunicipalityAgs == dortmund && db.Sponsorships.Any(s => s.HouseholdId == h.Id && s.Status == SponsorshipStatus.Running))
            .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());
        // The demo's groups use the permanent rules: its edit page shows why rules in use cannot be changed.
        var permanentRuleSet = await factory.QueryAsync(db => db.RuleSets.Where(r => r.Code == SeededRuleSets.PermanentCode).Select(r => r.Id).SingleAsync());
        // The demo mentor's running sponsorship; its first entry for the correction form (the demo set funds it).
        var escrowAccount = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.GroupId == sponsoring).Select(s => s.Id).FirstAsync());
        var escrowEntry = await factory.QueryAsync(db => db.EscrowEntries.Where(e => e.SponsorshipId == escrowAccount).OrderBy(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync());
        // The demo seed settles the accounts up to today and records that as a rent run.
        var rentRun = await factory.QueryAsync(db => db.RentRuns.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        // The demo outreach log: its first event names invited and informed municipalities.
        var outreach = await factory.QueryAsync(db => db.OutreachEvents.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        // The demo has no import: one checked with an error shows the page's report (no background work needed).
        var import = new NestPortal.Data.Operations.DataImport("bestand.xlsx", new string('0', 64), 1024, "sweep", "Sweep", TestClock.UtcNow);
        import.FinishCheck(1, 1, """{"sheets":[{"name":"Gruppen","rows":1,"new":1,"known":0}],"errors":[{"sheet":"Gruppen","row":2,"column":"Kommune","text":{"de":"Fehler","en":"Error"}}],"errorCount":1}""", TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.DataImports.Add(import));
        // The demo municipality's account: its pages show a role, a municipality and every form (opening them changes nothing).
        var accountEmail = DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email;
        var account = await factory.QueryAsync(db => db.Users.Where(u => u.Email == accountEmail).Select(u => u.Id).SingleAsync());
        var failedMail = new NestPortal.Data.Operations.OutgoingMail("niemand@beispiel.invalid", "Einladung zu NestPortal", "Text", "<p>Text</p>", TestClock.UtcNow);
        for (var i = 0; i < NestPortal.Data.Operations.OutgoingMail.MaxAttempts; i++) failedMail.MarkFailed("451 4.3.0 Mailserver nicht erreichbar", TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.OutgoingMails.Add(failedMail));
        // The demo has no document: one the demo mentor uploaded to the draft group, which they may still delete.
        var document = await factory.AddDocumentAsync(NestPortal.Domain.Documents.DocumentOwnerKind.Group, draft, await factory.DemoMentorIdAsync(), "Erklärung.pdf");
        return new DemoIds(draft, member, submitted, sponsoring, allocated.Id, allocated.Person, arrived.Id, arrived.Person,
            unmatched, matched, sponsorship, allocated.Allocation, dortmundHousehold, permanentRuleSet, sponsoringMember, escrowAccount, escrowEntry, rentRun, outreach, import.Id,
            account, failedMail.Id, document);
    }

    /// <summary>A message with a link, in the list of the caller's demo account.</summary>
    public static async Task<long> MessageToAsync(PortalFactory factory, string role)
    {
        var email = DemoUsers.All.Single(u => u.Role == role).Email;
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var message = new NestPortal.Data.Notifications.PortalMessage(id, $"sweep:{Guid.NewGuid():N}", "Ihre Gruppe wurde zurückgegeben",
            "Bitte überarbeiten Sie die Angaben.\n\nDie Anmerkungen finden Sie bei der Gruppe.", "/Account/Manage", "Im Portal öffnen", TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.PortalMessages.Add(message));
        return message.Id;
    }

    public string UrlFor(string page, string route) => page switch
    {
        // A mail that failed ten times: the page that sends it again shows its facts and the form.
        "/Admin/Mails/SendAgain" => $"{route}?id={FailedMail}",
        // The bare error page stands for an unexpected failure and answers 500 on purpose.
        "/Error" => "/Error?code=404",
        "/Sponsorships/Create" => $"{route}?householdId={UnmatchedHousehold}",
        "/Allocations/Create" => $"{route}?householdId={MatchedHousehold}",
        "/Groups/Household" or "/Groups/Statement" or "/Groups/BankStatement" => Fill(route, SponsoringGroup),
        "/Escrow/PayRent" or "/Escrow/Refund" or "/Escrow/RentChange" => Fill(route, EscrowAccount),
        "/MyMunicipality/Household" => Fill(route, DortmundHousehold),
        "/Sponsorships/Details" => Fill(route, Sponsorship),
        "/Allocations/Print" => Fill(route, Allocation),
        // The report's longest table on its own page (without a table's key the page is 404).
        "/Reports/Table" => $"{route}?Key=Municipalities",
        "/Admin/RuleSets/Edit" => Fill(route, PermanentRuleSet),
        "/Escrow/Correct" => $"{Fill(route, EscrowAccount)}?entryId={EscrowEntry}",
        _ when page.StartsWith("/Escrow/", StringComparison.Ordinal) => Fill(route, EscrowAccount),
        "/Admin/RentRuns/Details" => Fill(route, RentRun),
        "/Outreach/Edit" or "/Outreach/Delete" => Fill(route, Outreach),
        // Köln: a Sicherer Hafen in the demo data, invited and informed by demo outreach events.
        _ when page.StartsWith("/Municipalities/", StringComparison.Ordinal) => route.Replace("{ags}", DemoMunicipality, StringComparison.Ordinal),
        "/Admin/Import/Details" => Fill(route, Import),
        "/Documents/Upload" => Fill(route.Replace("{owner}", "group", StringComparison.Ordinal), DraftGroup),
        "/Documents/Request" => Fill(route.Replace("{owner}", "group", StringComparison.Ordinal), SubmittedGroup),
        "/Documents/Delete" => Fill(route, Document),
        _ when page.StartsWith("/Admin/Users/", StringComparison.Ordinal) && page != "/Admin/Users/Index" && page != "/Admin/Users/Invite" =>
            $"{route}?id={Uri.EscapeDataString(Account)}",
        "/Households/Leave" or "/Households/Persons/Leave" => Fill(route, ArrivedHousehold, ArrivedPerson),
        // Leaving, appointing and dissolving need an approved group; opening the forms changes nothing.
        "/Groups/Members/Leave" or "/Groups/Members/MainContact" => Fill(route, SponsoringGroup, SponsoringMember),
        "/Review/Dissolve" => Fill(route, SponsoringGroup),
        // A member of a group with a family: the export lists the group's household by its reference.
        "/Review/Members/Access" => Fill(route, SponsoringGroup, SponsoringMember),
        _ when page.StartsWith("/Households/", StringComparison.Ordinal) => Fill(route, Household, Person),
        _ when page.StartsWith("/Review/", StringComparison.Ordinal) => Fill(route, SubmittedGroup),
        _ => Fill(route, DraftGroup, Member),
    };

    private const string DemoMunicipality = "05315000";

    private static string Fill(string route, int id, int? secondId = null) => route
        .Replace("{id:int}", id.ToString(), StringComparison.Ordinal)
        .Replace("{memberId:int}", secondId?.ToString() ?? string.Empty, StringComparison.Ordinal)
        .Replace("{personId:int}", secondId?.ToString() ?? string.Empty, StringComparison.Ordinal);
}
