using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Letters;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Legal;
using PdfSharp.UniversalAccessibility;

namespace NestPortal.Web.Letters;

/// <summary>
/// The review's notices to a group (approval, return with the remarks) as PDF, stored in the save that
/// records the review's step (ADR 0023), so the group reads later exactly what it was told. Groups have
/// no postal address: the notice names the group and its main contacts and is delivered in the portal.
/// </summary>
public sealed class ReviewLetters(NestPortalDbContext db, IOptions<LetterOptions> letters, IOptions<OperatorOptions> sender)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The name of the group's home municipality, read before the review's save (the notice names it).</summary>
    public Task<string> HomeOfAsync(MentoringGroup group) =>
        db.Municipalities.AsNoTracking().Where(m => m.Ags == group.HomeMunicipalityAgs).Select(m => m.Name).SingleAsync();

    /// <summary>Renders and adds the notice of the step just taken on <paramref name="group"/> (saved with it).</summary>
    public Letter Add(MentoringGroup group, string homeMunicipality, LetterKind kind, string issuedBy, DateTime nowUtc)
    {
        var day = DateOnly.FromDateTime(Clock.InGermany(nowUtc));
        var letter = Letter.ForGroup(kind, group.Id, FileName(kind, group.Id, day), Render(group, homeMunicipality, kind, issuedBy, day), nowUtc);
        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>A notice row as the group pages list it (without the bytes).</summary>
    public sealed record NoticeRow(int Id, LetterKind Kind, DateTime CreatedAtUtc, string FileName);

    public async Task<IReadOnlyList<NoticeRow>> ListAsync(int groupId) =>
        await db.Letters.AsNoTracking().Where(l => l.GroupId == groupId).OrderByDescending(l => l.Id)
            .Select(l => new NoticeRow(l.Id, l.Kind, l.CreatedAtUtc, l.FileName)).ToListAsync();

    /// <summary>The group's stored notice, or null (404) for any letter that is not this group's.</summary>
    public Task<Letter?> FindAsync(int groupId, int letterId) =>
        db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.GroupId == groupId);

    public static string FileName(LetterKind kind, int groupId, DateOnly day) =>
        $"{(kind == LetterKind.GroupApproval ? "Freigabe" : "Rueckgabe")}-Gruppe-{groupId}-{day:yyyy-MM-dd}.pdf";

    public byte[] Render(MentoringGroup group, string homeMunicipality, LetterKind kind, string issuedBy, DateOnly day)
    {
        var texts = letters.Value.GroupNotice;
        var closing = letters.Value.Decision;
        var from = sender.Value;
        var approval = kind == LetterKind.GroupApproval;
        var title = approval ? texts.ApprovalTitle : texts.ReturnTitle;
        var values = new Dictionary<string, string> { ["Gruppe"] = group.Name, ["Datum"] = day.ToString("dd.MM.yyyy", German) };
        var contacts = group.Members.Where(m => m.IsActiveMainContact).Select(m => m.DisplayName).ToList();

        using var pdf = new PdfLetter($"{title} – {group.Name}", from.Name);
        pdf.Head(from,
            [$"Mentoring-Gruppe „{group.Name}“", .. contacts.Count > 0 ? [$"z. Hd. {string.Join(", ", contacts)}"] : Array.Empty<string>(), homeMunicipality],
            [$"Gruppe Nr. {group.Id}", $"Datum: {day.ToString("dd.MM.yyyy", German)}"]);
        pdf.HeadingLine(title, pdf.Title, PdfBlockLevelElementTag.Heading1);
        pdf.Paragraph(texts.Salutation);
        pdf.Paragraph(LetterOptions.Fill(approval ? texts.ApprovalText : texts.ReturnText, values));
        if (!approval && group.ReviewRemarks is { Length: > 0 } remarks)
        {
            pdf.HeadingLine(texts.RemarksHeading, pdf.Heading, PdfBlockLevelElementTag.Heading2);
            pdf.Paragraph(remarks);
        }

        pdf.Reserve(pdf.LineHeight(pdf.Normal) * 5);
        pdf.Paragraph(closing.Closing, gapAfter: 10);
        pdf.Paragraph(closing.SignatureIntro, gapAfter: 0);
        pdf.Paragraph(issuedBy);
        return pdf.ToBytes();
    }
}
