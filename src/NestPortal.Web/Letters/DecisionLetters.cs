using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.Letters;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Legal;
using PdfSharp.UniversalAccessibility;

namespace NestPortal.Web.Letters;

/// <summary>
/// Writes the Zuweisungsentscheidung as PDF and keeps it: a new decision's letter is stored in the save
/// that stores the decision; a decision from before letters were stored gets its letter on first request,
/// stored then. What is served is always the stored bytes (ADR 0023). The fixed texts are
/// <see cref="LetterOptions"/>, the sender is <see cref="OperatorOptions"/>.
/// </summary>
public sealed class DecisionLetters(NestPortalDbContext db, IOptions<LetterOptions> letters, IOptions<OperatorOptions> sender, TimeProvider time)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Whether a letter can be written to the municipality: it needs the administration's postal address.</summary>
    public static bool CanWriteTo(Municipality municipality) => municipality.AdministrationAddress is not null;

    /// <summary>
    /// The addressee when none is recorded: "Dortmund, Stadt" (the register's form) read as "Stadt Dortmund",
    /// so the address field never repeats the register's name twice.
    /// </summary>
    public static string AddresseeOf(Municipality municipality) =>
        municipality.Name.Split(", ", 2) is [var place, var kind] ? $"{kind} {place}" : municipality.Name;

    /// <summary>Renders and adds the letter of a decision being made; saved with it. The municipality must have an address.</summary>
    public Letter AddFor(Household household, Allocation allocation, Municipality municipality)
    {
        // Dated as the decision was issued: the letter is part of the same act.
        var letter = Letter.ForAllocation(allocation, household.Id, FileName(allocation), Render(household, allocation, municipality), allocation.IssuedAtUtc);
        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>
    /// The stored letter of a decision; for a decision from before letters were stored, written now and
    /// stored. Null when none can be written (the municipality lacks an address: <paramref name="missing"/>).
    /// </summary>
    public async Task<(Letter? Letter, Municipality Municipality)> FindOrWriteAsync(Household household, Allocation allocation)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == allocation.MunicipalityAgs);
        var stored = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.AllocationId == allocation.Id);
        if (stored is not null) return (stored, municipality);
        if (!CanWriteTo(municipality) || household.IsErased) return (null, municipality);

        var letter = Letter.ForAllocation(allocation, household.Id, FileName(allocation), Render(household, allocation, municipality), time.UtcNow());
        db.Letters.Add(letter);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two first requests at once: the other one stored it; serve that one, so both see the same bytes.
            db.Entry(letter).State = EntityState.Detached;
            return (await db.Letters.AsNoTracking().SingleAsync(l => l.AllocationId == allocation.Id), municipality);
        }

        return (letter, municipality);
    }

    public static string FileName(Allocation allocation)
    {
        var reference = new string(allocation.FileReference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
        return $"Zuweisungsentscheidung-{reference}.pdf";
    }

    /// <summary>The letter's bytes; the household must be loaded with its persons and allocations.</summary>
    public byte[] Render(Household household, Allocation allocation, Municipality municipality)
    {
        var address = municipality.AdministrationAddress
                      ?? throw new InvalidOperationException($"No administration address for {municipality.Ags}: check CanWriteTo first.");
        var texts = letters.Value.Decision;
        var from = sender.Value;
        var values = new Dictionary<string, string>
        {
            ["Kommune"] = AddresseeOf(municipality),
            ["AGS"] = municipality.Ags.ToString(),
            ["WirksamAb"] = allocation.EffectiveDate.ToString("dd.MM.yyyy", German),
            ["Aktenzeichen"] = allocation.FileReference,
        };

        using var pdf = new PdfLetter($"{texts.Title} – {allocation.FileReference}", from.Name);
        // The sender with its address (the issue's printed letter lost it), the administration's postal address,
        // the reference over the full width (a file reference may be 50 characters).
        pdf.Head(from, address.Lines(AddresseeOf(municipality)),
            [$"Aktenzeichen: {allocation.FileReference}", $"Datum: {allocation.DecisionDate.ToString("dd.MM.yyyy", German)}"]);
        pdf.HeadingLine(texts.Title, pdf.Title, PdfBlockLevelElementTag.Heading1);
        var replaced = household.Allocations.Where(a => a.Id < allocation.Id && a.Id != 0).MaxBy(a => a.Id);
        if (replaced is not null)
            pdf.Paragraph(LetterOptions.Fill(texts.Replaces, new Dictionary<string, string>
            {
                ["Datum"] = replaced.DecisionDate.ToString("dd.MM.yyyy", German), ["Aktenzeichen"] = replaced.FileReference,
            }));
        pdf.Paragraph(texts.Salutation);
        pdf.Paragraph(LetterOptions.Fill(texts.Text, values));

        pdf.HeadingLine(texts.PersonsHeading, pdf.Heading, PdfBlockLevelElementTag.Heading2);
        pdf.Table(["Familienname", "Vorname", "Geburtsdatum"],
            household.Persons.OrderBy(p => p.DateOfBirth).ThenBy(p => p.GivenName)
                .Select(p => (IReadOnlyList<string>)[p.FamilyName, p.GivenName, p.DateOfBirth.ToString("dd.MM.yyyy", German)]).ToList(),
            [0.4, 0.35, 0.25]);

        pdf.HeadingLine(texts.LegalBasisHeading, pdf.Heading, PdfBlockLevelElementTag.Heading2);
        pdf.Paragraph(allocation.LegalBasis);
        pdf.HeadingLine(texts.RemedyHeading, pdf.Heading, PdfBlockLevelElementTag.Heading2);
        foreach (var part in texts.Remedy.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            pdf.Paragraph(part.Trim());

        pdf.Reserve(pdf.LineHeight(pdf.Normal) * 5);
        pdf.Paragraph(texts.Closing, gapAfter: 10);
        pdf.Paragraph(texts.SignatureIntro, gapAfter: 0);
        pdf.Paragraph(allocation.IssuedByName);
        return pdf.ToBytes();
    }
}
