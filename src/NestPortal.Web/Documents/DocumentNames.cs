using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Documents;

namespace NestPortal.Web.Documents;

/// <summary>
/// The uploader's file name, made safe to show and to offer as the download's name: the last path segment only,
/// no control characters or characters Windows forbids in names, at most <see cref="Document.FileNameMaxLength"/>
/// characters with the extension kept. It is never used as a path: the content is found by the document's id.
/// </summary>
public static class DocumentNames
{
    private static readonly char[] Forbidden = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitise(string uploaded)
    {
        var name = uploaded.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
            clean.Append(char.IsControl(c) || Forbidden.Contains(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '_' : c);
        name = clean.ToString().Trim().Trim('.');
        if (name.Length == 0) name = "Dokument";
        if (name.Length > Document.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            if (extension.Length > 10) extension = string.Empty;
            name = name[..(Document.FileNameMaxLength - extension.Length)] + extension;
        }

        return name;
    }
}

/// <summary>How the document pages name the record a document belongs to.</summary>
public static class DocumentRecords
{
    public static async Task<string> NameAsync(NestPortalDbContext db, IStringLocalizer l, DocumentOwnerKind kind, int id) => kind switch
    {
        DocumentOwnerKind.Group => l["Gruppe „{0}“", await db.MentoringGroups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync()],
        DocumentOwnerKind.Sponsorship => l["Mentoring-Übernahme der Gruppe „{0}“",
            await db.Sponsorships.Where(s => s.Id == id).Join(db.MentoringGroups, s => s.GroupId, g => g.Id, (s, g) => g.Name).SingleAsync()],
        _ => l["Familie {0}", await db.Households.Where(h => h.Id == id).Select(h => h.Reference).SingleAsync()],
    };
}
