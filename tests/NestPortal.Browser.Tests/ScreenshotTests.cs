using Microsoft.Playwright;
using NestPortal.Web.Authorization;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Pictures of the main pages of each role, in a laptop's and a phone's window, for the docs and for
/// reviewing a change of layout. <c>bash scripts/screenshots.sh</c> writes them to docs/screenshots;
/// in the ordinary test run they go to artifacts/screenshots (NESTPORTAL_SCREENSHOTS names the folder).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserHost host)
{
    [Fact]
    public async Task The_main_pages_are_photographed_at_both_sizes()
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var ids = await DemoIds.ReadAsync(host.Factory);
        var shots = new List<string>();

        var visitor = await host.NewPageAsync();
        shots.AddRange(await ShootAsync(visitor, folder, "01-anmelden", "/Account/Login"));

        foreach (var (role, pages) in PagesByRole(ids))
        {
            var page = await host.NewPageAsync();
            var email = DemoUsers.All.Single(u => u.Role == role).Email;
            await host.SignInAsync(page, email, DemoUsers.Password);
            if (page.Url.Contains("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
                await host.EnrolAuthenticatorAsync(page, email);
            foreach (var (name, url) in pages)
                shots.AddRange(await ShootAsync(page, folder, name, url));
            await page.Context.CloseAsync();
        }

        shots.Count.ShouldBe(2 * (1 + PagesByRole(ids).Sum(r => r.Pages.Length)));
        foreach (var file in shots)
        {
            var head = new byte[8];
            await using (var stream = File.OpenRead(file)) (await stream.ReadAsync(head)).ShouldBe(8);
            head.ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, $"{file} is a PNG");
        }
    }

    private static (string Role, (string Name, string Url)[] Pages)[] PagesByRole(DemoIds ids) =>
    [
        (Roles.Mentor, [("02-mentor-meine-gruppen", "/Groups"), ("03-mentor-gruppe", $"/Groups/Details/{ids.SponsoringGroup}")]),
        (Roles.CompetenceCentre,
        [
            ("04-kfi-pruefung", "/Review"), ("05-kfi-gruppe-pruefen", $"/Review/Details/{ids.SubmittedGroup}"),
            ("06-kfi-familien", "/Households"), ("07-kfi-familie", $"/Households/Details/{ids.Household}"),
            ("08-kfi-mietkonto", $"/Escrow/Account/{ids.EscrowAccount}"), ("09-kfi-erfolgsbilanz", "/Reports"),
        ]),
        (Roles.Municipality, [("10-kommune", "/MyMunicipality")]),
        (Roles.Administrator, [("11-admin-protokoll", "/Admin/Audit"), ("12-admin-datenimport", "/Admin/Import")]),
    ];

    private static async Task<string[]> ShootAsync(IPage page, string folder, string name, string url)
    {
        var files = new List<string>();
        foreach (var (width, height) in BrowserHost.Windows)
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(url);
            response.ShouldNotBeNull();
            response.Status.ShouldBe(200, url);
            new Uri(page.Url).AbsolutePath.ShouldBe(url, $"{url} was redirected");
            var file = Path.Combine(folder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
            files.Add(file);
        }

        return [.. files];
    }

    private static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("NESTPORTAL_SCREENSHOTS");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NestPortal.sln"))) root = Path.GetDirectoryName(root)!;
        return Path.Combine(root, "artifacts", "screenshots");
    }
}
