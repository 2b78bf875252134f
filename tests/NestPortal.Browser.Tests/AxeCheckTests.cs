namespace NestPortal.Browser.Tests;

/// <summary>
/// The axe check itself finds a violation: on a fresh document, and on one where axe already ran (the
/// check evaluates axe-core once per document and must look at the page as it is now).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeCheckTests(BrowserHost host)
{
    private const string CleanPage =
        "<!DOCTYPE html><html lang=\"de\"><head><title>Prüfseite</title></head><body><main><h1>Prüfseite</h1></main></body></html>";

    private const string MissingAlt = "image-alt (critical): Images must have alternative text at img";

    [Fact]
    public async Task An_image_without_a_text_alternative_fails_on_a_fresh_page_and_after_a_clean_check()
    {
        var page = await host.NewPageAsync();
        await page.SetContentAsync(CleanPage.Replace("</h1>", "</h1><img src=\"data:,\">", StringComparison.Ordinal));
        (await FailureAsync(page)).ShouldContain(MissingAlt);

        await page.SetContentAsync(CleanPage);
        (await FailureAsync(page)).ShouldBeEmpty();
        await page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('img'))");
        (await FailureAsync(page)).ShouldContain(MissingAlt);
    }

    /// <summary>The check's failure message, empty when the page passes.</summary>
    private static async Task<string> FailureAsync(Microsoft.Playwright.IPage page)
    {
        try
        {
            await BrowserHost.AssertAccessibleAsync(page);
            return string.Empty;
        }
        catch (ShouldAssertException failure)
        {
            return failure.Message;
        }
    }
}
