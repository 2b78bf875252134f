using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Tests.Texts;

/// <summary>The portal's localizer without a host, and a text read in a given culture, for tests of display texts.</summary>
internal static class Localized
{
    public static readonly IStringLocalizer L = new ServiceCollection().AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    public static string In(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeCulture;
        }
    }
}
