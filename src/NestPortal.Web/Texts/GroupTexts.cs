using Microsoft.Extensions.Localization;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Texts;

/// <summary>The words people see for a group's states and steps.</summary>
public static class GroupTexts
{
    public static string Status(IStringLocalizer l, GroupStatus status) => status switch
    {
        GroupStatus.Draft => l["Entwurf"],
        GroupStatus.Submitted => l["Eingereicht"],
        GroupStatus.Returned => l["Zur Überarbeitung zurückgegeben"],
        GroupStatus.Approved => l["Freigegeben"],
        GroupStatus.Dissolved => l["Aufgelöst"],
        _ => status.ToString(),
    };

    public static string StatusCss(GroupStatus status) => status switch
    {
        GroupStatus.Approved => "kern-badge--success",
        GroupStatus.Returned => "kern-badge--warning",
        GroupStatus.Submitted => "kern-badge--info",
        _ => "np-badge--neutral",
    };

    public static string Action(IStringLocalizer l, GroupAction action) => action switch
    {
        GroupAction.Created => l["Gruppe angelegt"],
        GroupAction.DetailsChanged => l["Angaben geändert"],
        GroupAction.MemberAdded => l["Mitglied hinzugefügt"],
        GroupAction.MemberChanged => l["Mitglied geändert"],
        GroupAction.MemberRemoved => l["Mitglied entfernt"],
        GroupAction.Submitted => l["Eingereicht"],
        GroupAction.SecurityCheckRecorded => l["Sicherheitsüberprüfung erfasst"],
        GroupAction.SecurityCheckCleared => l["Sicherheitsüberprüfung zurückgesetzt"],
        GroupAction.Approved => l["Freigegeben"],
        GroupAction.Returned => l["Zur Überarbeitung zurückgegeben"],
        GroupAction.MemberLeft => l["Mitglied ausgeschieden"],
        GroupAction.MainContactAppointed => l["Hauptansprechperson benannt"],
        GroupAction.MemberInvited => l["Einladung gesendet"],
        GroupAction.MemberConfirmed => l["Angaben bestätigt"],
        GroupAction.Dissolved => l["Gruppe aufgelöst"],
        _ => action.ToString(),
    };

    public static string SecurityCheck(IStringLocalizer l, SecurityCheckResult? result) => result switch
    {
        SecurityCheckResult.Passed => l["ohne Bedenken"],
        SecurityCheckResult.Failed => l["mit Bedenken"],
        _ => l["noch nicht erfasst"],
    };
}
