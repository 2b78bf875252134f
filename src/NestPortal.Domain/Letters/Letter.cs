using System.Security.Cryptography;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Letters;

/// <summary>The kinds of letter the portal writes.</summary>
public enum LetterKind
{
    /// <summary>A Zuweisungsentscheidung to a municipality's administration.</summary>
    AllocationDecision = 1,

    /// <summary>The competence centre's notice that a group is approved (Freigabe).</summary>
    GroupApproval = 2,

    /// <summary>The competence centre's notice that a group is returned for changes, with its remarks.</summary>
    GroupReturn = 3,
}

/// <summary>
/// A letter as it was sent: the PDF's bytes, kept with the record it belongs to, so what was sent can be
/// shown again byte for byte (a template changed later does not change it). Written once, never edited;
/// it goes with its record's personal data (<c>Erasure</c>), since it names the persons.
/// </summary>
public sealed class Letter
{
    public const int FileNameMaxLength = 200;

    public int Id { get; private set; }
    public LetterKind Kind { get; private set; }

    /// <summary>The decision the letter states (for <see cref="LetterKind.AllocationDecision"/>).</summary>
    public int? AllocationId { get; private set; }

    /// <summary>The household the letter concerns: its erasure takes the letter with it.</summary>
    public int? HouseholdId { get; private set; }

    /// <summary>The group a notice is addressed to (approval, return): its members alone may open it.</summary>
    public int? GroupId { get; private set; }

    /// <summary>The municipality the letter is addressed to, if any: it alone may open it.</summary>
    public Ags? AddresseeAgs { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public byte[] Content { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: what was sent, checkable later.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    private Letter()
    {
    }

    /// <summary>The decision letter of <paramref name="allocation"/>; its id is set by the save that stores both.</summary>
    public static Letter ForAllocation(Allocation allocation, int householdId, string fileName, byte[] pdf, DateTime nowUtc)
    {
        var letter = new Letter(LetterKind.AllocationDecision, fileName, pdf, nowUtc)
        {
            HouseholdId = householdId,
            AddresseeAgs = allocation.MunicipalityAgs,
        };
        // A decision saved earlier is named by its key; a new one by reference, so one save stores both.
        if (allocation.Id != 0) letter.AllocationId = allocation.Id;
        else letter.Allocation = allocation;
        return letter;
    }

    /// <summary>A review notice to a group (approval or return), stored in the save that records the review's decision.</summary>
    public static Letter ForGroup(LetterKind kind, int groupId, string fileName, byte[] pdf, DateTime nowUtc)
    {
        if (kind is not (LetterKind.GroupApproval or LetterKind.GroupReturn))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only review notices are addressed to a group.");
        return new Letter(kind, fileName, pdf, nowUtc) { GroupId = groupId };
    }

    /// <summary>The decision, for the save that stores a new decision and its letter together (the id is not known before).</summary>
    public Allocation? Allocation { get; private set; }

    private Letter(LetterKind kind, string fileName, byte[] pdf, DateTime nowUtc)
    {
        // A letter that is not a PDF, or has no name, is a programming error, not a user's.
        if (pdf.Length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F')
            throw new ArgumentException("A letter is stored as PDF.", nameof(pdf));
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > FileNameMaxLength)
            throw new ArgumentException("A letter needs a file name.", nameof(fileName));
        Kind = kind;
        FileName = fileName;
        Content = pdf;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        CreatedAtUtc = nowUtc;
    }

    /// <summary>Whether the stored bytes are still the ones written (a check a reader may make before sending them).</summary>
    public bool IsIntact => Convert.ToHexStringLower(SHA256.HashData(Content)) == Sha256;
}
