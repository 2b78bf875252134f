using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Import;

/// <summary>A finding in both languages: the report is written once in the background and read by administrators in either.</summary>
public sealed record ImportText(string De, string En)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "de" ? De : En;
}

/// <summary>
/// Formats an import message in German and English at once (the worker has no request culture). Call
/// sites name it <c>l</c>, so the translation coverage test finds their German keys like any page's.
/// </summary>
public sealed class ImportTexts(IStringLocalizer<SharedResource> localizer)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public ImportText this[string template, params object[] arguments] => Of(new DomainError(template, arguments));

    public ImportText Of(DomainError error)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            var english = localizer[error.Template];
            var englishTemplate = english.ResourceNotFound ? error.Template : english.Value;
            return new ImportText(error.Format(German), string.Format(English, englishTemplate, error.Arguments));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
