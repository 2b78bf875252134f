using NestPortal.Domain.Common;

namespace NestPortal.Domain.Banking;

/// <summary>
/// A statement of a rent account as uploaded (Kontoauszug): its balances and the file itself, kept as
/// the bank sent it. Written once; the entries it brought are <see cref="BankEntry"/> rows. An entry the
/// account already has (an overlapping statement) is not added again, so a statement may bring none.
/// </summary>
public sealed class BankStatement
{
    public const int FileNameMaxLength = 200;
    public const int StatementIdMaxLength = 35;

    /// <summary>The file name an erased statement shows in place of the uploader's (which may name people).</summary>
    public const string ErasedFileName = "gelöscht";

    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }
    public string Iban { get; private set; } = string.Empty;
    public string StatementId { get; private set; } = string.Empty;

    /// <summary>The ISO 20022 message the file was (camt.053.001.02, camt.052.001.08, …).</summary>
    public string MessageType { get; private set; } = string.Empty;

    public DateOnly? FromDate { get; private set; }
    public DateOnly? ToDate { get; private set; }
    public decimal? OpeningBalance { get; private set; }
    public decimal? ClosingBalance { get; private set; }
    public DateOnly? ClosingDate { get; private set; }
    public int EntriesAdded { get; private set; }
    public int EntriesAlreadyKnown { get; private set; }
    public string FileName { get; private set; } = string.Empty;

    /// <summary>The uploaded file's bytes, so what was reconciled can always be shown again.</summary>
    public byte[] Content { get; private set; } = [];

    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedByName { get; private set; } = string.Empty;

    private readonly List<BankEntry> _entries = [];
    public IReadOnlyCollection<BankEntry> Entries => _entries.AsReadOnly();

    private BankStatement()
    {
    }

    /// <summary>
    /// Takes one account's statement for sponsorship <paramref name="sponsorshipId"/>: every entry whose key is
    /// not in <paramref name="knownKeys"/> becomes a new bank entry (and its key known). The same file twice,
    /// or two statements that overlap, add every booking once.
    /// </summary>
    public static BankStatement Receive(int sponsorshipId, StatementData data, string fileName, byte[] content,
        ISet<string> knownKeys, Actor actor, DateTime nowUtc)
    {
        var statement = new BankStatement
        {
            SponsorshipId = sponsorshipId,
            Iban = data.Iban,
            StatementId = Truncate(data.StatementId, StatementIdMaxLength),
            MessageType = data.MessageType,
            FromDate = data.FromDate,
            ToDate = data.ToDate,
            OpeningBalance = data.OpeningBalance,
            ClosingBalance = data.ClosingBalance,
            ClosingDate = data.ClosingDate,
            FileName = Truncate(Path.GetFileName(fileName), FileNameMaxLength),
            Content = content,
            UploadedAtUtc = nowUtc,
            UploadedByName = actor.Name,
        };
        foreach (var entry in data.Entries)
        {
            if (!knownKeys.Add(entry.Key))
            {
                statement.EntriesAlreadyKnown++;
                continue;
            }

            statement._entries.Add(new BankEntry(sponsorshipId, entry));
        }

        statement.EntriesAdded = statement._entries.Count;
        return statement;
    }

    /// <summary>
    /// Erases the file when the sponsorship's retention ends (ADR 0014, ADR 0025): its bookings name the counterparties
    /// and quote their references, and its name may name people. Balances, dates and counts stay, so what was
    /// reconciled still adds up. Running it again changes nothing.
    /// </summary>
    public void EraseIdentifyingData()
    {
        if (Content.Length == 0 && FileName == ErasedFileName) return;
        Content = [];
        FileName = ErasedFileName;
    }

    public StatementSummary Summary => new(Id, FromDate, ClosingBalance, ClosingDate);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>What the reconciliation needs of a statement: where it starts and how it closes (never the file).</summary>
public sealed record StatementSummary(int Id, DateOnly? FromDate, decimal? ClosingBalance, DateOnly? ClosingDate);
