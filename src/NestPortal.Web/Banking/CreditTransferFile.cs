using System.Globalization;
using System.Text;
using System.Xml;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Banking;

/// <summary>One rent payment to transfer: from the rent account to the landlord, for a month, as the ledger booked it.</summary>
public sealed record RentTransfer(int SponsorshipId, string DebtorName, string DebtorIban, string CreditorName, string CreditorIban,
    decimal Amount, DateOnly Month, string Reference)
{
    /// <summary>The end-to-end id the bank hands back on the statement: the account and the month (at most 35 characters).</summary>
    public string EndToEndId => string.Create(CultureInfo.InvariantCulture, $"NEST-{SponsorshipId}-{Month:yyyyMM}");

    /// <summary>The month's standing rent payment of a trustee-held account, or null when there is none to transfer.</summary>
    public static RentTransfer? Of(Sponsorship sponsorship, DateOnly month)
    {
        if (sponsorship.Landlord is not { } landlord || !sponsorship.PaidByTrustee) return null;
        var payment = sponsorship.Entries.FirstOrDefault(e => e.Kind == EscrowEntryKind.RentPayment && e.RentMonth == month && !sponsorship.IsCorrected(e));
        if (payment is null) return null;
        var reference = string.Create(CultureInfo.InvariantCulture, $"{landlord.Reference} Nettokaltmiete {month:MM/yyyy}");
        return new RentTransfer(sponsorship.Id, sponsorship.TrusteeName!, sponsorship.EscrowAccount.Iban.Value, landlord.Name, landlord.Iban.Value,
            -payment.Amount, month, reference.Length <= 140 ? reference : reference[..140]);
    }
}

/// <summary>
/// Writes a SEPA credit transfer initiation, ISO 20022 pain.001.001.09 (the version the German banks' DK
/// specification takes since November 2023 and the only one after 001.03 was retired; ADR 0025): one
/// payment information block per rent account (its debtor), one transaction per rent month, with the
/// control sums the bank checks (NbOfTxs, CtrlSum per file and per block).
/// </summary>
public static class CreditTransferFile
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    public const string ContentType = "application/xml";

    public static string FileName(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"Mietzahlungen-{month:yyyy-MM}.xml");

    public static byte[] Write(IReadOnlyList<RentTransfer> transfers, string messageId, DateTime createdUtc, DateOnly executionDate, string initiator)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", Cut(messageId, 35));
            xml.WriteElementString("CreDtTm", createdUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteElementString("NbOfTxs", transfers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("CtrlSum", Amount(transfers.Sum(t => t.Amount)));
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", Cut(Sepa(initiator), 70));
            xml.WriteEndElement();
            xml.WriteEndElement();

            foreach (var account in transfers.GroupBy(t => (t.DebtorIban, t.DebtorName)))
            {
                var payments = account.ToList();
                xml.WriteStartElement("PmtInf");
                xml.WriteElementString("PmtInfId", Cut($"{messageId}-{payments[0].SponsorshipId}", 35));
                xml.WriteElementString("PmtMtd", "TRF");
                xml.WriteElementString("BtchBookg", "false");
                xml.WriteElementString("NbOfTxs", payments.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("CtrlSum", Amount(payments.Sum(t => t.Amount)));
                xml.WriteStartElement("PmtTpInf");
                xml.WriteStartElement("SvcLvl");
                xml.WriteElementString("Cd", "SEPA");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("ReqdExctnDt");
                xml.WriteElementString("Dt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                xml.WriteStartElement("Dbtr");
                xml.WriteElementString("Nm", Cut(Sepa(account.Key.DebtorName), 70));
                xml.WriteEndElement();
                WriteAccount(xml, "DbtrAcct", account.Key.DebtorIban);
                // IBAN-only: no BIC is needed within SEPA; the DK specification wants NOTPROVIDED then.
                xml.WriteStartElement("DbtrAgt");
                xml.WriteStartElement("FinInstnId");
                xml.WriteStartElement("Othr");
                xml.WriteElementString("Id", "NOTPROVIDED");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteElementString("ChrgBr", "SLEV");
                foreach (var payment in payments)
                {
                    xml.WriteStartElement("CdtTrfTxInf");
                    xml.WriteStartElement("PmtId");
                    xml.WriteElementString("EndToEndId", payment.EndToEndId);
                    xml.WriteEndElement();
                    xml.WriteStartElement("Amt");
                    xml.WriteStartElement("InstdAmt");
                    xml.WriteAttributeString("Ccy", "EUR");
                    xml.WriteString(Amount(payment.Amount));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    xml.WriteStartElement("Cdtr");
                    xml.WriteElementString("Nm", Cut(Sepa(payment.CreditorName), 70));
                    xml.WriteEndElement();
                    WriteAccount(xml, "CdtrAcct", payment.CreditorIban);
                    xml.WriteStartElement("RmtInf");
                    xml.WriteElementString("Ustrd", Cut(Sepa(payment.Reference), 140));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteAccount(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// The SEPA character set (Latin letters, digits, a few signs); the German banks also take umlauts and ß.
    /// Anything else (Arabic names, typographic dashes) becomes a space or its plain form, so no bank refuses the file.
    /// </summary>
    public static string Sepa(string text)
    {
        var normalised = text.Replace('–', '-').Replace('—', '-').Replace('„', '"').Replace('“', '"');
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
            builder.Append(char.IsAsciiLetterOrDigit(c) || "/-?:().,'+ ".Contains(c) || "ÄÖÜäöüß&*$%".Contains(c) ? c : ' ');
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
