using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// The member invitation (ADR 0028) in a real browser: a main contact adds a member on a laptop; the
/// member, on a phone, follows the link from the invitation mail, creates an account with the invited
/// address (confirming it through the registration mail), signs in, corrects and confirms their details;
/// the main contact's checklist then shows every member confirmed. Every page is checked by axe and must fit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberInvitationJourneyTests(BrowserHost host)
{
    private const string Password = BrowserHost.TestPassword;

    [Fact]
    public async Task A_main_contact_adds_a_member_who_follows_the_link_registers_and_confirms_their_details()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mainContactEmail = $"hauptkontakt-{suffix}@beispiel.invalid";
        var memberEmail = $"neues-mitglied-{suffix}@beispiel.invalid";
        var groupName = $"Willkommen in Hagen {suffix}";
        var mainContactId = await host.CreateUserAsync(mainContactEmail, "Hanna Hauptkontakt", Roles.Mentor);
        // Four confirmed members, the first of them the main contact herself.
        var groupId = await host.Factory.CreateGroupAsync(mainContactId, groupName, memberEmails: [mainContactEmail]);

        var mainContact = await host.NewPageAsync();
        await host.SignInAsync(mainContact, mainContactEmail, Password);
        await mainContact.GotoAsync($"/Groups/Details/{groupId}");
        await Checked(mainContact);
        await Assertions.Expect(mainContact.Locator("[data-check=members-confirmed]")).ToBeVisibleAsync();
        await mainContact.GetByRole(AriaRole.Link, new() { Name = "Mitglied hinzufügen" }).ClickAsync();
        await Checked(mainContact);
        await mainContact.Locator("#Input_GivenName").FillAsync("Ina");
        await mainContact.Locator("#Input_FamilyName").FillAsync("Neumann");
        await mainContact.Locator("#Input_DateOfBirth").FillAsync("1988-03-14");
        await mainContact.Locator("#Input_Email").FillAsync(memberEmail);
        await mainContact.Locator("#Input_TrainingDate").FillAsync(TestClock.Today.AddDays(-10).Iso());
        await mainContact.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(mainContact.Locator("[data-list=unconfirmed]")).ToContainTextAsync("Noch nicht bestätigt: Ina Neumann");
        await Checked(mainContact);

        // The member opens the invitation on a phone: nobody is signed in there.
        var invitation = host.Factory.LinkInLatestMailTo(memberEmail);
        var member = await host.NewPhonePageAsync();
        await member.GotoAsync(invitation);
        await Checked(member);
        await member.GetByRole(AriaRole.Link, new() { Name = "Konto anlegen" }).ClickAsync();
        await Checked(member);
        (await member.Locator("#Input_Email").InputValueAsync()).ShouldBe(memberEmail);
        await member.Locator("#Input_DisplayName").FillAsync("Ina Neumann");
        await member.Locator("#Input_Password").FillAsync(Password);
        await member.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await member.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(member.Locator("h1")).ToHaveTextAsync("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        await Checked(member);
        await member.GotoAsync(host.Factory.LinkInLatestMailTo(memberEmail));
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Ihre E-Mail-Adresse ist bestätigt");
        await Checked(member);

        // Back to the invitation: signing in leads back to it.
        await member.GotoAsync(invitation);
        await member.Locator("main a[href*='/Account/Login?returnUrl=']").ClickAsync();
        await Checked(member);
        await member.Locator("#Input_Email").FillAsync(memberEmail);
        await member.Locator("#Input_Password").FillAsync(Password);
        await member.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(member.Locator("#Input_FamilyName")).ToHaveValueAsync("Neumann");
        await Checked(member);
        await member.Locator("#Input_Phone").FillAsync("02331 123456");
        await member.GetByRole(AriaRole.Button, new() { Name = "Meine Angaben bestätigen" }).ClickAsync();
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("Danke, Ihre Angaben sind bestätigt.");
        (await member.Locator("h1").TextContentAsync()).ShouldBe(groupName);
        await Checked(member);

        await mainContact.ReloadAsync();
        await Assertions.Expect(mainContact.Locator("[data-check=members-confirmed]")).ToHaveTextAsync("Alle Mitglieder haben ihre Angaben bestätigt.");
        await Assertions.Expect(mainContact.Locator("[data-list=unconfirmed]")).ToBeHiddenAsync();
        await Checked(mainContact);
        var saved = (await host.Factory.LoadGroupAsync(groupId)).Members.Single(m => m.Email == memberEmail);
        saved.IsConfirmed.ShouldBeTrue();
        saved.Phone.ShouldBe("02331 123456");
    }

    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAndFitsAsync(page);
}
