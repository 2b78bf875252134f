using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Steps 1–4 of a sponsorship's life, by two people in two browsers: a mentor registers, builds and
/// submits a group on a phone (390 × 844); a competence-centre clerk, on a laptop, enrols a second
/// factor, records the security check and returns the group; the mentor mends and resubmits; the clerk
/// approves. Every page is checked by axe and must fit its window (no sideways scrolling on the phone).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupJourneyTests(BrowserHost host)
{
    private const string Password = BrowserHost.TestPassword;

    [Fact]
    public async Task Mentor_and_clerk_take_a_group_from_registration_to_approval()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mentorEmail = $"mentorin-{suffix}@beispiel.invalid";
        var groupName = $"Willkommen in Bochum {suffix}";
        var clerkEmail = $"sachbearbeitung-{suffix}@bra.nrw.invalid";
        await CreateClerkAsync(clerkEmail);

        var mentor = await host.NewPhonePageAsync();
        await RegisterAndConfirmAsync(mentor, mentorEmail);
        await host.SignInAsync(mentor, mentorEmail, Password);
        await Expect(mentor, "/Groups");

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Neue Gruppe anlegen" }).ClickAsync();
        await Checked(mentor);
        await mentor.Locator("#Input_Name").FillAsync(groupName);
        await mentor.Locator("#Input_HomeMunicipality").FillAsync("Bochum, Stadt (44787) – 05911000");
        await mentor.Locator("#Input_SupportPlan").FillAsync("Wohnungssuche, Behördengänge, Deutschkurs.");
        await mentor.Locator("main form button[type=submit]").ClickAsync();
        await Checked(mentor);
        (await mentor.Locator("h1").TextContentAsync()).ShouldBe(groupName);

        await AddMemberAsync(mentor, "Miriam", "Muster", mentorEmail, mainContact: true);
        await AddMemberAsync(mentor, "Jonas", "Becker", $"jonas-{suffix}@beispiel.invalid", mainContact: true);
        await AddMemberAsync(mentor, "Aylin", "Yilmaz", $"aylin-{suffix}@beispiel.invalid", mainContact: false);
        await AddOrganisationAsync(mentor, "Kirchengemeinde St. Peter", "Pfarrerin Roth", $"gemeinde-{suffix}@beispiel.invalid");
        // The others confirm their own details through their invitations (MemberInvitationJourneyTests follows one).
        await host.Factory.ConfirmMembersAsync(await host.Factory.GroupIdAsync(groupName));
        await mentor.ReloadAsync();

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Gruppe einreichen" }).ClickAsync();
        await Checked(mentor);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Ja, jetzt einreichen" }).ClickAsync();
        await Checked(mentor);
        (await mentor.Locator("main").TextContentAsync())!.ShouldContain("Die Gruppe ist eingereicht");

        var clerk = await host.NewPageAsync();
        await host.SignInAsync(clerk, clerkEmail, Password);
        // Staff without a second factor are sent to enrol one before any page of their role.
        clerk.Url.ShouldContain("/Account/Manage/TwoFactor");
        await Checked(clerk);
        await host.EnrolAuthenticatorAsync(clerk, clerkEmail);
        await Checked(clerk);
        (await clerk.Locator(".recovery-codes li").CountAsync()).ShouldBe(10);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Weiter" }).ClickAsync();
        await Expect(clerk, "/Review");

        await clerk.Locator("#search").FillAsync(groupName);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Checked(clerk);
        await clerk.GetByRole(AriaRole.Link, new() { Name = groupName }).ClickAsync();
        await Checked(clerk);
        await clerk.Locator("#Check_CheckedOn").FillAsync(TestClock.Today.Iso());
        await clerk.Locator("#Check_Result").SelectOptionAsync("Passed");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        await Checked(clerk);
        await clerk.Locator("#Return_Remarks").FillAsync("Bitte nennen Sie, wer die Begleitung zu Arztterminen übernimmt.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Zur Überarbeitung zurückgeben" }).ClickAsync();
        await Checked(clerk);

        await mentor.ReloadAsync();
        await Checked(mentor);
        (await mentor.Locator(".kern-alert--warning").TextContentAsync())!.ShouldContain("Arztterminen");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Angaben und Unterstützungsplan bearbeiten" }).ClickAsync();
        await Checked(mentor);
        await mentor.Locator("#Input_SupportPlan").FillAsync("Wohnungssuche, Behördengänge, Deutschkurs. Arzttermine: Jonas Becker.");
        await mentor.Locator("main form button[type=submit]").ClickAsync();
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Gruppe einreichen" }).ClickAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Ja, jetzt einreichen" }).ClickAsync();
        (await mentor.Locator("main").TextContentAsync())!.ShouldContain("Die Gruppe ist eingereicht");

        await clerk.ReloadAsync();
        await clerk.Locator("#Check_CheckedOn").FillAsync(TestClock.Today.Iso());
        await clerk.Locator("#Check_Result").SelectOptionAsync("Passed");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gruppe freigeben" }).ClickAsync();
        await Checked(clerk);
        (await clerk.Locator("main").TextContentAsync())!.ShouldContain("Die Gruppe ist freigegeben.");

        await mentor.ReloadAsync();
        await Checked(mentor);
        (await mentor.Locator("main").TextContentAsync())!.ShouldContain("Die Gruppe ist freigegeben und wartet auf die Vermittlung einer Familie.");
    }

    private async Task RegisterAndConfirmAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await Checked(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Als Mentorin oder Mentor registrieren" }).First.ClickAsync();
        await Checked(page);
        await page.Locator("#Input_DisplayName").FillAsync("Miriam Muster");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Checked(page);
        await page.GotoAsync(host.Factory.LinkInLatestMailTo(email));
        await Checked(page);
        (await page.Locator("main").TextContentAsync())!.ShouldContain("Ihre E-Mail-Adresse ist bestätigt");
    }

    private static async Task AddMemberAsync(IPage page, string given, string family, string email, bool mainContact)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglied hinzufügen" }).ClickAsync();
        await Checked(page);
        await page.Locator("#Input_GivenName").FillAsync(given);
        await page.Locator("#Input_FamilyName").FillAsync(family);
        await page.Locator("#Input_DateOfBirth").FillAsync("1980-04-12");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_TrainingDate").FillAsync(TestClock.Today.AddDays(-14).Iso());
        if (mainContact) await page.Locator("#Input_IsMainContact").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Checked(page);
        (await page.Locator("main table").TextContentAsync())!.ShouldContain($"{given} {family}");
    }

    private static async Task AddOrganisationAsync(IPage page, string organisation, string representative, string email)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglied hinzufügen" }).ClickAsync();
        await page.Locator("#Input_Kind").SelectOptionAsync("LegalPerson");
        await page.Locator("#Input_OrganisationName").FillAsync(organisation);
        await page.Locator("#Input_RepresentativeName").FillAsync(representative);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_TrainingDate").FillAsync(TestClock.Today.AddDays(-7).Iso());
        await Checked(page);
        await page.Locator("main form button[type=submit]").ClickAsync();
        (await page.Locator("main table").TextContentAsync())!.ShouldContain(organisation);
    }

    private async Task CreateClerkAsync(string email)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var clerk = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sabine Sachbearbeiterin" };
        (await users.CreateAsync(clerk, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(clerk, Roles.CompetenceCentre)).Succeeded.ShouldBeTrue();
    }

    private static async Task Expect(IPage page, string path)
    {
        new Uri(page.Url).AbsolutePath.ShouldStartWith(path);
        await Checked(page);
    }

    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAndFitsHereAsync(page);
}
