using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Banking;

/// <summary>
/// Reads ISO 20022 account statements (camt.053, BkToCstmrStmt/Stmt) and account reports (camt.052,
/// BkToCstmrAcctRpt/Rpt), versions 001.02 to 001.08, into <see cref="StatementData"/>; no EF, no web (ADR 0025).
/// The reader refuses DTDs, resolves nothing and stops at <paramref name="maxCharacters"/>; one statement
/// element is held at a time. Only booked entries (Sts BOOK) count: a pending one is booked later under
/// its own reference. A refusal is a <see cref="DomainException"/> with a German message.
/// </summary>
public sealed partial class CamtParser(long maxCharacters)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"^urn:iso:std:iso:20022:tech:xsd:(camt\.05[23]\.001\.0[2-8])$")]
    private static partial Regex Namespace();

    public IReadOnlyList<StatementData> Parse(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Document" || Namespace().Match(reader.NamespaceURI) is not { Success: true } match)
                throw StatementRefusal.NotAStatement(reader.NamespaceURI.Length == 0 ? reader.LocalName : reader.NamespaceURI);
            var type = match.Groups[1].Value;
            XNamespace ns = reader.NamespaceURI;
            var statementName = type.StartsWith("camt.053", StringComparison.Ordinal) ? "Stmt" : "Rpt";
            var statements = new List<StatementData>();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == statementName && reader.NamespaceURI == ns.NamespaceName)
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    statements.Add(Statement(element, ns, type) with { SourceXml = element.ToString(SaveOptions.DisableFormatting) });
                }
                else reader.Read();
            }

            if (statements.Count == 0)
                throw StatementRefusal.Empty();
            return statements;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw StatementRefusal.Dtd();
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw StatementRefusal.TooLarge(maxCharacters);
        }
        catch (XmlException e)
        {
            throw StatementRefusal.NotXml(e.LineNumber);
        }
    }

    private static StatementData Statement(XElement statement, XNamespace ns, string type)
    {
        var account = statement.Element(ns + "Acct");
        var iban = account?.Element(ns + "Id")?.Element(ns + "IBAN")?.Value.Trim();
        if (iban is null || !Iban.TryParse(iban, out var parsedIban))
            throw StatementRefusal.NoIban(statement.Element(ns + "Id")?.Value ?? string.Empty);
        if (account!.Element(ns + "Ccy")?.Value is { } currency && currency != "EUR")
            throw StatementRefusal.AccountCurrency(currency);

        var period = statement.Element(ns + "FrToDt");
        (decimal Amount, DateOnly Date)? Balance(params string[] codes)
        {
            var found = statement.Elements(ns + "Bal").FirstOrDefault(b => codes.Contains(b.Element(ns + "Tp")?.Element(ns + "CdOrPrtry")?.Element(ns + "Cd")?.Value));
            return found is null ? null : (Signed(found, ns), Date(found.Element(ns + "Dt")!, ns));
        }

        var opening = Balance("OPBD", "PRCD");
        var closing = Balance("CLBD", "ITBD");
        var entries = new List<BankEntryData>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in statement.Elements(ns + "Ntry"))
        {
            var status = entry.Element(ns + "Sts") is { } sts ? (sts.Element(ns + "Cd")?.Value ?? sts.Value).Trim() : "BOOK";
            if (status != "BOOK") continue;
            entries.AddRange(Entries(entry, ns, occurrences));
        }

        return new StatementData(
            parsedIban.Value,
            statement.Element(ns + "Id")?.Value.Trim() ?? string.Empty,
            type,
            period?.Element(ns + "FrDtTm") is { } from ? Day(from.Value) : opening?.Date,
            period?.Element(ns + "ToDtTm") is { } to ? Day(to.Value) : closing?.Date,
            opening?.Amount,
            closing?.Amount,
            closing?.Date,
            entries);
    }

    /// <summary>One entry, or one per transaction of a batch (several TxDtls with their own amounts).</summary>
    private static IEnumerable<BankEntryData> Entries(XElement entry, XNamespace ns, Dictionary<string, int> occurrences)
    {
        var amount = Signed(entry, ns);
        var reversal = entry.Element(ns + "RvslInd")?.Value.Trim() is "true" or "1";
        var booked = Date(entry.Element(ns + "BookgDt") ?? throw Missing("BookgDt"), ns);
        var value = entry.Element(ns + "ValDt") is { } valDt ? Date(valDt, ns) : booked;
        var reference = entry.Element(ns + "AcctSvcrRef")?.Value.Trim();
        var details = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
        var amounts = details.Select(d => TransactionAmount(d, ns)).ToList();

        if (details.Count > 1 && amounts.All(a => a is not null))
        {
            for (var i = 0; i < details.Count; i++)
            {
                var sign = details[i].Element(ns + "CdtDbtInd")?.Value is { } indicator ? (indicator == "DBIT" ? -1 : 1) : Math.Sign(amount);
                var own = details[i].Element(ns + "Refs")?.Element(ns + "AcctSvcrRef")?.Value.Trim();
                var key = own is { Length: > 0 } ? "R:" + own : reference is { Length: > 0 } ? $"R:{reference}/{i + 1}" : null;
                yield return Describe(details[i], ns, key, sign * amounts[i]!.Value, booked, value, reversal, occurrences);
            }

            yield break;
        }

        yield return Describe(details.FirstOrDefault(), ns, reference is { Length: > 0 } ? "R:" + reference : null, amount, booked, value, reversal, occurrences,
            entry.Element(ns + "AddtlNtryInf")?.Value);
    }

    private static BankEntryData Describe(XElement? details, XNamespace ns, string? key, decimal amount, DateOnly booked, DateOnly value,
        bool reversal, Dictionary<string, int> occurrences, string? additional = null)
    {
        // The other party: the creditor of a debit, the debtor of a credit; a reversal keeps its original's parties.
        var theyPaid = amount > 0 ^ reversal;
        var parties = details?.Element(ns + "RltdPties");
        var party = parties?.Element(ns + (theyPaid ? "Dbtr" : "Cdtr"));
        var name = (party?.Element(ns + "Pty") ?? party)?.Element(ns + "Nm")?.Value.Trim() ?? string.Empty;
        var iban = parties?.Element(ns + (theyPaid ? "DbtrAcct" : "CdtrAcct"))?.Element(ns + "Id")?.Element(ns + "IBAN")?.Value.Trim();
        var text = string.Join(" ", details?.Element(ns + "RmtInf")?.Elements(ns + "Ustrd").Select(u => u.Value.Trim()) ?? []);
        if (text.Length == 0) text = additional?.Trim() ?? string.Empty;
        var endToEnd = details?.Element(ns + "Refs")?.Element(ns + "EndToEndId")?.Value.Trim();
        if (endToEnd is "NOTPROVIDED" or "") endToEnd = null;
        var data = new BankEntryData(key ?? string.Empty, amount, booked, value, reversal, name,
            Iban.TryParse(iban, out var parsed) ? parsed.Value : null, text, endToEnd);
        return key is null ? data with { Key = ContentKey(data, occurrences) } : data;
    }

    /// <summary>
    /// Without the bank's reference an entry is known by its content: a hash of dates, amount, party and text,
    /// numbered when the same statement shows the same content twice (two equal deposits on one day).
    /// </summary>
    private static string ContentKey(BankEntryData data, Dictionary<string, int> occurrences)
    {
        var content = string.Join("|", data.BookingDate.ToString("O", Invariant), data.ValueDate.ToString("O", Invariant),
            data.Amount.ToString(Invariant), data.IsReversal, data.CounterpartyIban, data.CounterpartyName, data.Reference, data.EndToEndId);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..40];
        var n = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
        return $"H:{hash}#{n}";
    }

    /// <summary>A transaction's own amount: TxDtls/Amt (001.08) or TxDtls/AmtDtls/TxAmt/Amt (001.02).</summary>
    private static decimal? TransactionAmount(XElement details, XNamespace ns)
    {
        var amount = details.Element(ns + "Amt") ?? details.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt");
        return amount is null ? null : Amount(amount);
    }

    private static decimal Signed(XElement element, XNamespace ns)
    {
        var amount = Amount(element.Element(ns + "Amt") ?? throw Missing("Amt"));
        return element.Element(ns + "CdtDbtInd")?.Value.Trim() switch
        {
            "CRDT" => amount,
            "DBIT" => -amount,
            _ => throw Missing("CdtDbtInd"),
        };
    }

    private static decimal Amount(XElement amount)
    {
        if (amount.Attribute("Ccy")?.Value is { } currency && currency != "EUR")
            throw StatementRefusal.AmountCurrency(currency);
        if (!decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, Invariant, out var value) || value > 1_000_000_000m)
            throw StatementRefusal.BadAmount(amount.Value);
        return value;
    }

    private static DateOnly Date(XElement date, XNamespace ns) => Day((date.Element(ns + "Dt") ?? date.Element(ns + "DtTm"))?.Value);

    /// <summary>The calendar day as the bank wrote it (a DtTm's offset is the bank's local day, never converted).</summary>
    private static DateOnly Day(string? value)
    {
        var text = value?.Trim();
        if (text is not { Length: >= 10 } || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
            throw StatementRefusal.BadDate(text ?? string.Empty);
        return day;
    }

    private static DomainException Missing(string element) => StatementRefusal.Missing(element);
}
