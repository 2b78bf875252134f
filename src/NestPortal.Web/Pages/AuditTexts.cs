using Microsoft.Extensions.Localization;
using NestPortal.Data.Auditing;

namespace NestPortal.Web.Pages;

/// <summary>The words administrators read in the audit log for its actions and record types.</summary>
public static class AuditTexts
{
    public static string Action(IStringLocalizer l, AuditAction action) => action switch
    {
        AuditAction.Created => l["Angelegt"],
        AuditAction.Changed => l["Geändert"],
        AuditAction.Deleted => l["Gelöscht"],
        AuditAction.Viewed => l["Angesehen"],
        _ => action.ToString(),
    };

    public static string EntityType(IStringLocalizer l, string entityType) => entityType switch
    {
        "MentoringGroup" => l["Mentorengruppe"],
        "Mentor" => l["Gruppenmitglied"],
        "Household" => l["Familie"],
        "Refugee" => l["Geflüchtete Person"],
        "Allocation" => l["Zuweisung"],
        "Sponsorship" => l["Mentoring-Übernahme"],
        _ => entityType,
    };
}
