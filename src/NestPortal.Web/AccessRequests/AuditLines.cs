using System.Text.Json;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Auditing;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.AccessRequests;

/// <summary>Audit entries as the exports list them: German local time, the role as people call it, field names only.</summary>
internal static class AuditLines
{
    public static ViewEntry View(AuditEntry entry, IStringLocalizer l) =>
        new(Clock.InGermanyWithOffset(entry.AtUtc), entry.UserName, Roles(entry.Role, l));

    public static ChangeEntry Change(AuditEntry entry, IStringLocalizer l) =>
        new(Clock.InGermanyWithOffset(entry.AtUtc), entry.UserName, AuditTexts.Action(l, entry.Action), Fields(entry, l));

    public static ActionEntry Action(AuditEntry entry, IStringLocalizer l) =>
        new(Clock.InGermanyWithOffset(entry.AtUtc), AuditTexts.Action(l, entry.Action), AuditTexts.EntityType(l, entry.EntityType), entry.EntityId);

    /// <summary>The log joins every role of an account with commas; the system has none.</summary>
    private static string Roles(string? roles, IStringLocalizer l) =>
        string.IsNullOrEmpty(roles) ? "–" : string.Join(", ", roles.Split(',').Select(r => RoleTexts.Name(l, r)));

    private static List<string> Fields(AuditEntry entry, IStringLocalizer l) =>
        entry.Changes is null
            ? []
            : (JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes) ?? [])
                .Select(c => AuditTexts.Field(l, c.Field, entry.EntityType)).ToList();
}
