using Microsoft.Extensions.Localization;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Texts;

/// <summary>The words staff read for the kinds of outreach.</summary>
public static class OutreachTexts
{
    public static string Kind(IStringLocalizer l, OutreachKind kind) => kind switch
    {
        OutreachKind.Conference => l["Fachtag oder Veranstaltung"],
        OutreachKind.Print => l["Brief oder Druckmaterial"],
        OutreachKind.Web => l["Web, Newsletter oder Online-Seminar"],
        OutreachKind.Meeting => l["Gespräch mit Kommunen"],
        _ => kind.ToString(),
    };
}
