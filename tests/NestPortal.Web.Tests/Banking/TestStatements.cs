using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Escrow;

namespace NestPortal.Web.Tests.Banking;

/// <summary>One booking for a generated statement: positive credit, negative debit.</summary>
public sealed record TestBooking(string Key, decimal Amount, DateOnly Day, string CounterpartyIban, string Reference, bool Reversal = false);

/// <summary>
/// Statements for the page tests, written as camt.053.001.08 (the shape of CamtParserTests' hand-written file), and
/// rent accounts whose ledger paid some months to a recorded landlord.
/// </summary>
public static class TestStatements
{
    public const string LandlordIban = "DE02120300000000202051";
    public const string GroupIban = "DE75512108001245126199";

    public static byte[] Camt053(string accountIban, decimal? closing, DateOnly from, DateOnly to, params TestBooking[] bookings)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string A(decimal a) => Math.Abs(a).ToString("0.00", CultureInfo.InvariantCulture);
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>")
            .Append("<GrpHdr><MsgId>TEST</MsgId><CreDtTm>").Append(D(to)).Append("T20:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>").Append(D(to))
            .Append("</Id><FrToDt><FrDtTm>").Append(D(from)).Append("T00:00:00+01:00</FrDtTm><ToDtTm>").Append(D(to)).Append("T23:59:59+01:00</ToDtTm></FrToDt>")
            .Append("<Acct><Id><IBAN>").Append(accountIban).Append("</IBAN></Id><Ccy>EUR</Ccy></Acct>");
        if (closing is { } c)
            xml.Append("<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">").Append(A(c)).Append("</Amt><CdtDbtInd>")
                .Append(c < 0 ? "DBIT" : "CRDT").Append("</CdtDbtInd><Dt><Dt>").Append(D(to)).Append("</Dt></Dt></Bal>");
        foreach (var b in bookings)
        {
            var credit = b.Amount > 0;
            var theyPaid = credit ^ b.Reversal;
            xml.Append("<Ntry><Amt Ccy=\"EUR\">").Append(A(b.Amount)).Append("</Amt><CdtDbtInd>").Append(credit ? "CRDT" : "DBIT").Append("</CdtDbtInd>");
            if (b.Reversal) xml.Append("<RvslInd>true</RvslInd>");
            xml.Append("<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").Append(D(b.Day)).Append("</Dt></BookgDt><ValDt><Dt>").Append(D(b.Day))
                .Append("</Dt></ValDt><AcctSvcrRef>").Append(b.Key).Append("</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><")
                .Append(theyPaid ? "Dbtr" : "Cdtr").Append("><Pty><Nm>").Append(theyPaid ? "Gruppe Müller-Öztürk" : "Wohnbau Dortmund eG").Append("</Nm></Pty></")
                .Append(theyPaid ? "Dbtr" : "Cdtr").Append("><").Append(theyPaid ? "DbtrAcct" : "CdtrAcct").Append("><Id><IBAN>").Append(b.CounterpartyIban)
                .Append("</IBAN></Id></").Append(theyPaid ? "DbtrAcct" : "CdtrAcct").Append("></RltdPties><RmtInf><Ustrd>")
                .Append(SecurityElement.Escape(b.Reference)).Append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
        }

        xml.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    /// <summary>The rent debit the bank shows for a month, a day after the ledger booked it.</summary>
    public static TestBooking RentDebit(DateOnly month, DateOnly day, decimal rent = 650m) =>
        new("R" + month.ToString("yyyyMM", CultureInfo.InvariantCulture), -rent, day, LandlordIban,
            "Mieter 4711 Nettokaltmiete " + month.ToString("MM/yyyy", CultureInfo.InvariantCulture));

    /// <summary>
    /// A running account whose lease started <paramref name="months"/> months ago (this month included), fully funded by a
    /// deposit, with the landlord recorded and every month up to this one paid by the ledger today.
    /// </summary>
    public static async Task<(int Id, IReadOnlyList<DateOnly> Months)> PaidAccountAsync(this PortalFactory factory, string groupName, int months = 3,
        string? trustee = null, int? groupId = null)
    {
        var first = Months.FirstOf(TestGroups.Today).AddMonths(1 - months);
        var id = groupId is { } group
            ? await factory.MatchAsync(group, await factory.CreateHouseholdAsync(), leaseStart: first)
            : await factory.SponsorshipAsync(groupName, leaseStart: first);
        await factory.BookAsync(id, (s, actor, now) =>
        {
            s.SetPayee(LandlordPayee.Create("Wohnbau Dortmund eG", LandlordIban, "Mieter 4711"), trustee);
            s.RecordDeposit(7_800m, TestGroups.Today, "Mietkaution Gruppe", TestGroups.Today, actor, now);
            for (var i = 0; i < months; i++) s.PayRent(first.AddMonths(i), TestGroups.Today, actor, now);
            return 0;
        });
        return (id, Enumerable.Range(0, months).Select(i => first.AddMonths(i)).ToList());
    }

    /// <summary>Posts a statement file to an upload page as a browser does (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadStatementAsync(this HttpClient client, string url, byte[] file, string fileName = "auszug.xml")
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelectorAll("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")
            .OfType<IHtmlInputElement>().Single().Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        content.Add(part, "Statement", fileName);
        return await client.PostAsync(url, content);
    }
}
