using System.Net;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using NestPortal.Data.Identity;
using NestPortal.Domain.Municipalities;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using NestPortal.Web.Tests.Infrastructure;
using OtpNet;

namespace NestPortal.Browser.Tests;

/// <summary>
/// The portal on a real Kestrel port on 127.0.0.1 and Debian's Chromium driven by Playwright. Staff
/// demo users must enrol TOTP here (the relaxation is off), as a real person would.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The password of the users the journeys create.</summary>
    public const string TestPassword = "ein langes Passwort für den Test";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly Dictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    public KestrelPortalFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install it with `apt-get install -y chromium` (the test script scripts/test.sh does this).");

        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>A confirmed user in <paramref name="role"/> (a municipality user bound to <paramref name="ags"/>); returns the id.</summary>
    public async Task<string> CreateUserAsync(string email, string name, string role, string? ags = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, MunicipalityAgs = ags is null ? null : Ags.Parse(ags) };
        (await users.CreateAsync(user, TestPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    /// <summary>A fresh browser profile (no cookies) in German or English, in a laptop's window.</summary>
    public Task<IPage> NewPageAsync(string culture = "de-DE") =>
        NewPageAsync(culture, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

    /// <summary>A fresh browser profile on a phone: 390 × 844 CSS pixels, touch, mobile viewport rules.</summary>
    public Task<IPage> NewPhonePageAsync(string culture = "de-DE") =>
        NewPageAsync(culture, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 3,
        });

    private async Task<IPage> NewPageAsync(string culture, BrowserNewContextOptions options)
    {
        options.BaseURL = BaseUrl;
        options.Locale = culture;
        var context = await Browser.NewContextAsync(options);
        if (culture != "de-DE")
        {
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
            {
                Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Domain = "127.0.0.1", Path = "/",
            }]);
        }

        var page = await context.NewPageAsync();
        // Generous: on a 2-core CI machine a page can wait behind a build or the other suites. A timeout
        // only decides how long a real failure takes to report, never whether a test passes.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>Signs in through the login page, enrolling or answering the second factor where asked.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        if (page.Url.Contains("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            await page.Locator("#Input_Code").FillAsync(CurrentCode(email));
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    /// <summary>On the enrolment page: reads the key as a person would from the screen, types the app's code.</summary>
    public async Task EnrolAuthenticatorAsync(IPage page, string email)
    {
        var key = await page.Locator("#shared-key").GetAttributeAsync("data-key")
                  ?? throw new InvalidOperationException("No authenticator key on the page.");
        _authenticatorKeys[email] = key.Replace(" ", string.Empty).ToUpperInvariant();
        await page.Locator("#Input_Code").FillAsync(CurrentCode(email));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private readonly Dictionary<string, long> _lastTimeStep = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The code the app shows, never one already used (the portal accepts each code once): if this
    /// step's code was typed before, the next step's code (accepted one step early), or wait for it.
    /// </summary>
    public string CurrentCode(string email)
    {
        static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var step = StepNow();
        if (_lastTimeStep.TryGetValue(email, out var last) && step <= last) step = last + 1;
        while (step > StepNow() + 1) Thread.Sleep(1000);
        _lastTimeStep[email] = step;
        return new Totp(Base32Encoding.ToBytes(_authenticatorKeys[email]))
            .ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    /// <summary>The windows every page must fit: a laptop's and a phone's.</summary>
    public static readonly (int Width, int Height)[] Windows = [(1366, 768), (390, 844)];

    /// <summary>
    /// axe in each of <see cref="Windows"/>, and nothing wider than the window (no sideways scrolling);
    /// a failure names the path to the widest element.
    /// </summary>
    public static async Task AssertAccessibleAndFitsAsync(IPage page)
    {
        var window = page.ViewportSize;
        foreach (var (width, height) in Windows)
        {
            await page.SetViewportSizeAsync(width, height);
            await AssertFitsAsync(page);
            await AssertNoViolationsAsync(page);
        }

        // The journey goes on in the window it had (a laptop's menu is folded in a phone's).
        if (window is not null) await page.SetViewportSizeAsync(window.Width, window.Height);
    }

    /// <summary>axe and no sideways scrolling in the page's current window (a phone's in the phone journeys).</summary>
    public static async Task AssertAccessibleAndFitsHereAsync(IPage page)
    {
        await AssertFitsAsync(page);
        await AssertNoViolationsAsync(page);
    }

    /// <summary>The page is no wider than its window: document.scrollingElement.scrollWidth ≤ the viewport's width.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        await NextFrameAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
        var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>(WidestPath);
        overflow.ShouldBeLessThanOrEqualTo(0, $"{page.Url} is {overflow} px wider than its {page.ViewportSize?.Width} px window: {widest}");
    }

    /// <summary>Two frames: the page's scripts react to a new window size (scroll-regions.js, the menu) first.</summary>
    private static Task NextFrameAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");

    /// <summary>From main down to the widest leaf, each step the child reaching furthest right.</summary>
    private const string WidestPath =
        "() => { const out = []; let e = document.body; " +
        "while (e && e.children.length && out.length < 12) { const kids = [...e.children]; " +
        "const w = kids.map(k => Math.max(k.scrollWidth, k.getBoundingClientRect().right)); const i = w.indexOf(Math.max(...w)); " +
        "e = kids[i]; out.push(e.tagName + '.' + e.className + ' ' + Math.round(w[i])); } return out.join(' > '); }";

    /// <summary>
    /// axe-core with the WCAG 2.1 A and AA rules (BITV 2.0 NRW): the page must have no violation. axe-core's
    /// own script is evaluated once per document: Deque's <c>page.RunAxe</c> sent its 500 KB again on every
    /// call, twice (the page, then a fresh blank page where it merged the results), and opened that page each
    /// time; that cost more than the rules themselves. The rules, the engine (the same bundled axe-core) and
    /// the message are the same.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await NextFrameAsync(page);
        await AssertNoViolationsAsync(page);
    }

    /// <summary>axe on the page as it is now (after <see cref="AssertFitsAsync"/> has waited for the window's new size).</summary>
    private static async Task AssertNoViolationsAsync(IPage page)
    {
        // axe.run here checks the top document only; a page with a frame would need axe in the frame too.
        page.Frames.Count.ShouldBe(1, $"{page.Url} has a frame, which this axe check does not reach");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync($"() => {{ {AxeScript.Value} }}");
        var json = await page.EvaluateAsync<string>(RunAxe);
        var violations = new AxeResult(JObject.Parse(json)).Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        violations.ShouldBeEmpty($"axe found violations on {page.Url}");
    }

    /// <summary>The axe-core that Deque.AxeCore.Commons bundles.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// The rules tagged WCAG 2.1 A and AA. Only the violations are asked for and sent back: axe then lists one
    /// node, not all, of the passed and incomplete rules (its resultTypes option); violations stay complete.
    /// </summary>
    private const string RunAxe =
        "async () => JSON.stringify({ violations: (await axe.run(document, { " +
        "runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations })";
}

/// <summary>The web test factory, served by Kestrel on a free loopback port instead of the in-memory test server.</summary>
public sealed class KestrelPortalFactory : PortalFactory
{
    public KestrelPortalFactory()
    {
        RelaxTwoFactorForDemoUsers = false;
        // The import journey reads the published figures of the imported sample alone (37 on 25.06.2021).
        DemoHistory = false;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The build's static-asset manifest (compressed copies in obj/, libraries' assets) is wired up only in
        // Development; without it a browser asking for gzip got an empty stylesheet, and every page was
        // checked unstyled. The browser must see the pages as users do.
        builder.UseStaticWebAssets();
        // Stated here too: the journeys' ledgers and the sweep's demo pages must not change under a background run.
        builder.UseSetting("RentRun:Enabled", "false");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
