using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Banking;

namespace NestPortal.Development.Banking;

/// <summary>
/// <c>dotnet run --project src/NestPortal.Development -- reconcile-bench [--accounts 500] [--entries 10000]</c>: on the
/// configured database (volume data after a rent run), gives the first running accounts with rent payments a landlord,
/// writes one camt.053.001.08 file with a statement per account (its deposits and rent debits as the bank would show
/// them, padded with small unknown debits to the entry count), imports and reconciles it as one upload, and prints
/// wall time, SQL commands and peak memory (docs/performance.md). Not a timed test.
/// </summary>
public static class ReconcileBenchCommand
{
    public const string Name = "reconcile-bench";
    private const string LandlordIban = "DE02120300000000202051";
    private static readonly Actor Bench = new("benchmark", "Benchmark");

    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = 500;
        var entries = 10_000;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--accounts" && i + 1 < args.Length) accounts = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--entries" && i + 1 < args.Length) entries = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else hostArgs.Add(args[i]);
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs.ToArray());
        byte[] file;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            var ids = await db.Sponsorships.Where(s => s.Status == SponsorshipStatus.Running && !s.Apartment.OwnedByGroup
                                                       && s.Entries.Any(e => e.Kind == EscrowEntryKind.RentPayment))
                .OrderBy(s => s.Id).Select(s => s.Id).Take(accounts).ToListAsync();
            var perAccount = entries / Math.Max(ids.Count, 1);
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-01T20:00:00</CreDtTm></GrpHdr>");
            foreach (var chunk in ids.Chunk(100))
            {
                var sponsorships = await db.Sponsorships.AsSplitQuery().Where(s => chunk.Contains(s.Id)).ToListAsync();
                foreach (var s in sponsorships)
                {
                    if (s.Landlord is null) s.SetPayee(LandlordPayee.Create("Wohnbau Benchmark eG", LandlordIban, "Mieter " + s.Id), null);
                    var ledger = s.Entries.Where(e => e.Kind is EscrowEntryKind.Deposit or EscrowEntryKind.RentPayment && !s.IsCorrected(e))
                        .OrderByDescending(e => e.ValueDate).Take(perAccount).ToList();
                    var from = ledger.Count == 0 ? DateOnly.FromDateTime(DateTime.Today) : ledger.Min(e => e.ValueDate);
                    xml.Append("<Stmt><Id>").Append(s.Id).Append("</Id><FrToDt><FrDtTm>").Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                        .Append("T00:00:00</FrDtTm><ToDtTm>2026-12-01T00:00:00</ToDtTm></FrToDt><Acct><Id><IBAN>").Append(s.EscrowAccount.Iban.Value)
                        .Append("</IBAN></Id></Acct>");
                    var n = 0;
                    foreach (var e in ledger) Entry(xml, $"B{s.Id}-{n++}", e.Amount, e.ValueDate.AddDays(1), e.Amount > 0 ? "DE75512108001245126199" : LandlordIban, e.Reference);
                    while (n < perAccount) Entry(xml, $"B{s.Id}-{n++}", -1.5m, from, "DE89370400440532013000", "Kontoführung");
                    xml.Append("</Stmt>");
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            file = Encoding.UTF8.GetBytes(xml.Append("</BkToCstmrStmt></Document>").ToString());
        }

        var counter = app.Services.GetRequiredService<NestPortal.Web.Infrastructure.SqlCommandCounter>();
        var before = counter.Total;
        var stopwatch = Stopwatch.StartNew();
        await using var import = app.Services.CreateAsyncScope();
        var (done, unknown, total) = await import.ServiceProvider.GetRequiredService<StatementImporter>().ImportForAccountsAsync("bench.xml", file, Bench);
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Statement file {file.Length / 1024.0 / 1024.0:N1} MB: {done:N0} accounts ({unknown} unknown), {total.EntriesAdded:N0} entries added, {total.EntriesAlreadyKnown:N0} already known, {total.Matches:N0} matches"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wall time {stopwatch.Elapsed.TotalSeconds:N1} s; {counter.Total - before:N0} SQL commands; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        return 0;
    }

    private static void Entry(StringBuilder xml, string key, decimal amount, DateOnly day, string iban, string reference)
    {
        var credit = amount > 0;
        var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        xml.Append("<Ntry><Amt Ccy=\"EUR\">").Append(Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture)).Append("</Amt><CdtDbtInd>")
            .Append(credit ? "CRDT" : "DBIT").Append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").Append(d).Append("</Dt></BookgDt><ValDt><Dt>").Append(d)
            .Append("</Dt></ValDt><AcctSvcrRef>").Append(key).Append("</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><")
            .Append(credit ? "Dbtr><Pty><Nm>Gruppe</Nm></Pty></Dbtr><DbtrAcct" : "Cdtr><Pty><Nm>Wohnbau</Nm></Pty></Cdtr><CdtrAcct")
            .Append("><Id><IBAN>").Append(iban).Append("</IBAN></Id></").Append(credit ? "DbtrAcct" : "CdtrAcct").Append("></RltdPties><RmtInf><Ustrd>")
            .Append(SecurityElement.Escape(reference)).Append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
    }
}
