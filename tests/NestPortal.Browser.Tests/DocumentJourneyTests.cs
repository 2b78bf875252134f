using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// A mentor, on a phone, adds the lease to their family's sponsorship after the group was approved (ADR 0024):
/// a renamed program is refused with a German reason, the real PDF is listed on the group's page and downloads
/// as it was uploaded. Every page passes axe and fits a laptop and a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_mentor_uploads_the_lease_after_submission_and_sees_it_listed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mentorEmail = $"mentor-dok-{suffix}@beispiel.invalid";
        var groupName = $"Dokumente Hörde {suffix}";
        var mentorId = await host.CreateUserAsync(mentorEmail, "Dora Dokument", Roles.Mentor);
        var groupId = await host.Factory.CreateApprovedGroupAsync(mentorId, groupName, "05913000", memberEmails: [mentorEmail]);
        var householdId = await host.Factory.CreateHouseholdAsync($"NesT-D{suffix}");
        await host.Factory.MatchAsync(groupId, householdId, "05913000");
        var lease = DocumentFiles.Pdf("/Lang (de-DE)");

        var page = await host.NewPhonePageAsync();
        await host.SignInAsync(page, mentorEmail, BrowserHost.TestPassword);
        await page.GotoAsync($"/Groups/Details/{groupId}");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
        var familySection = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Dokumente zur Familie: Mietvertrag, Mietkonto" }) });
        await familySection.GetByRole(AriaRole.Link, new() { Name = "Dokument hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dokument hochladen", Level = 1 })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        // A program renamed to look like the lease: refused, the form shown again with the reason.
        await page.GetByLabel("Art des Dokuments").SelectOptionAsync(new SelectOptionValue { Label = "Mietvertrag" });
        await page.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Mietvertrag.pdf", MimeType = "application/pdf", Buffer = DocumentFiles.Executable() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Upload-error")).ToHaveTextAsync(
            "Die Datei ist ein Programm, keine PDF-Datei. Programme nehmen wir nicht an; bitte laden Sie das Dokument selbst hoch.");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        // The real lease.
        await page.GetByLabel("Art des Dokuments").SelectOptionAsync(new SelectOptionValue { Label = "Mietvertrag" });
        await page.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Mietvertrag Wohnung.pdf", MimeType = "application/pdf", Buffer = lease });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Das Dokument „Mietvertrag Wohnung.pdf“ ist hochgeladen.")).ToBeVisibleAsync();
        var link = familySection.GetByRole(AriaRole.Link, new() { Name = "Mietvertrag Wohnung.pdf" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("Mietvertrag Wohnung.pdf");
        var path = await download.PathAsync();
        (await File.ReadAllBytesAsync(path)).ShouldBe(lease);
    }
}
