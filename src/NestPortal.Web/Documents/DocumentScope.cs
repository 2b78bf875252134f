using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Documents;

/// <summary>
/// Who may see and add documents of a record: the record's own scope rules (ADR 0024). Group and sponsorship
/// documents: the group's mentors (<see cref="HouseholdScope.GroupsOf"/>) and the competence centre; household
/// documents: the competence centre only. Municipalities and administrators reach none: for them, as for a
/// mentor of another group, a document or record is a 404, whatever the id.
/// </summary>
public static class DocumentScope
{
    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.CompetenceCentre);

    /// <summary>Whether the user may see the record's documents and add to them; false also when the record does not exist.</summary>
    public static Task<bool> MayReachAsync(this NestPortalDbContext db, ClaimsPrincipal user, DocumentOwnerKind kind, int id)
    {
        if (user.IsStaff())
        {
            return kind switch
            {
                DocumentOwnerKind.Group => db.MentoringGroups.AnyAsync(g => g.Id == id),
                DocumentOwnerKind.Sponsorship => db.Sponsorships.AnyAsync(s => s.Id == id),
                DocumentOwnerKind.Household => db.Households.AnyAsync(h => h.Id == id),
                _ => Task.FromResult(false),
            };
        }

        if (!user.IsInRole(Roles.Mentor)) return Task.FromResult(false);
        var groups = db.GroupsOf(user).Select(g => g.Id);
        return kind switch
        {
            DocumentOwnerKind.Group => groups.AnyAsync(g => g == id),
            DocumentOwnerKind.Sponsorship => db.Sponsorships.AnyAsync(s => s.Id == id && groups.Contains(s.GroupId)),
            _ => Task.FromResult(false),
        };
    }

    /// <summary>The group a record's documents concern (the group itself, or the sponsoring group); null for a household.</summary>
    public static async Task<MentoringGroup?> GroupOfAsync(this NestPortalDbContext db, DocumentOwnerKind kind, int id) => kind switch
    {
        DocumentOwnerKind.Group => await db.MentoringGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id),
        DocumentOwnerKind.Sponsorship => await db.MentoringGroups.AsNoTracking()
            .SingleOrDefaultAsync(g => db.Sponsorships.Any(s => s.Id == id && s.GroupId == g.Id)),
        _ => null,
    };

    /// <summary>
    /// Whether the user may delete the document: staff always (with a reason), a mentor only their own upload to
    /// the group while its application can still change (the rule itself is <see cref="Document.Delete"/>'s).
    /// </summary>
    public static bool MayDelete(ClaimsPrincipal user, Document document, bool groupEditable) =>
        document.IsAvailable && (user.IsStaff()
                                 || (document.UploadedByUserId == user.UserId() && document.OwnerKind == DocumentOwnerKind.Group && groupEditable));

    /// <summary>The owner's name in a route ("group", "sponsorship", "household"); null for anything else.</summary>
    public static DocumentOwnerKind? ParseOwner(string? value) => value switch
    {
        "group" => DocumentOwnerKind.Group,
        "sponsorship" => DocumentOwnerKind.Sponsorship,
        "household" => DocumentOwnerKind.Household,
        _ => null,
    };

    public static string RouteName(DocumentOwnerKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The page that shows the record (and its documents) to this user.</summary>
    public static async Task<string> RecordPageAsync(this NestPortalDbContext db, ClaimsPrincipal user, DocumentOwnerKind kind, int id) => kind switch
    {
        DocumentOwnerKind.Group => user.IsStaff() ? $"/Review/Details/{id}" : $"/Groups/Details/{id}",
        DocumentOwnerKind.Sponsorship => user.IsStaff()
            ? $"/Sponsorships/Details/{id}"
            : $"/Groups/Details/{await db.Sponsorships.Where(s => s.Id == id).Select(s => s.GroupId).SingleAsync()}",
        _ => $"/Households/Details/{id}",
    };
}
