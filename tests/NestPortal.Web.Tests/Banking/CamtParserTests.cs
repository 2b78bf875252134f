using System.Text;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Web.Banking;

namespace NestPortal.Web.Tests.Banking;

/// <summary>
/// The statement parser on files written for the tests after the ISO 20022 message definitions (Statements/):
/// camt.053 in versions 001.02 and 001.08 and camt.052.001.08, with batch bookings, reversals, pending
/// entries and names in Arabic and Ge'ez script; and hostile files refused in German.
/// </summary>
public class CamtParserTests
{
    private const long Limit = 10 * 1024 * 1024;

    private static IReadOnlyList<StatementData> Parse(string file, long limit = Limit)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Banking", "Statements", file));
        return new CamtParser(limit).Parse(stream);
    }

    private static string Refusal(string file, long limit = Limit) =>
        Should.Throw<DomainException>(() => Parse(file, limit)).Message;

    [Fact]
    public void A_camt053_001_02_statement_gives_its_account_balances_and_booked_entries()
    {
        var statement = Parse("camt053-001-02.xml").ShouldHaveSingleItem();

        statement.Iban.ShouldBe("DE89370400440532013000");
        statement.MessageType.ShouldBe("camt.053.001.02");
        statement.StatementId.ShouldBe("2019-11-30-0001");
        (statement.FromDate, statement.ToDate).ShouldBe((new DateOnly(2019, 11, 1), new DateOnly(2019, 11, 30)));
        statement.OpeningBalance.ShouldBe(0m);
        (statement.ClosingBalance, statement.ClosingDate).ShouldBe((14_850m, new DateOnly(2019, 11, 30)));
        // The pending entry (Sts PDNG) is left out; the batch of two became two entries.
        statement.Entries.Select(e => e.Amount).ShouldBe([15_600m, -650m, -100m, -200m, 200m]);
        statement.Entries.Sum(e => e.Amount).ShouldBe(statement.ClosingBalance!.Value - statement.OpeningBalance!.Value);
    }

    [Fact]
    public void Parties_references_and_umlauts_are_read_from_the_transaction_details()
    {
        var entries = Parse("camt053-001-02.xml").Single().Entries;

        var deposit = entries[0];
        deposit.Key.ShouldBe("R:2019110400001");
        deposit.CounterpartyName.ShouldBe("Gruppe Phoenixsee – Jürgen Müller-Öztürk");
        deposit.CounterpartyIban.ShouldBe("DE75512108001245126199");
        deposit.Reference.ShouldBe("Mietkaution für die Familie Große Straße 5");
        deposit.EndToEndId.ShouldBeNull();

        var rent = entries[1];
        (rent.CounterpartyName, rent.CounterpartyIban, rent.EndToEndId).ShouldBe(("Wohnbau Dortmund eG", "DE02120300000000202051", "NESTMIETE201911"));
        rent.Reference.ShouldBe("Mieter 4711 Nettokaltmiete 11/2019");
        (rent.BookingDate, rent.ValueDate).ShouldBe((new DateOnly(2019, 11, 2), new DateOnly(2019, 11, 2)));
    }

    [Fact]
    public void A_batch_booking_gives_one_entry_per_transaction_with_keys_of_its_own()
    {
        var batch = Parse("camt053-001-02.xml").Single().Entries.Skip(2).Take(2).ToList();

        batch.Select(e => e.Key).ShouldBe(["R:2019111500003/1", "R:2019111500003/2"]);
        batch.Select(e => e.CounterpartyName).ShouldBe(["Stadtwerke Dortmund", "Möbelbörse Hörde"]);
        batch[0].CounterpartyIban.ShouldBeNull();
    }

    [Fact]
    public void A_reversal_is_marked_and_keeps_the_original_creditor()
    {
        var reversal = Parse("camt053-001-02.xml").Single().Entries[^1];

        reversal.IsReversal.ShouldBeTrue();
        reversal.Amount.ShouldBe(200m);
        reversal.CounterpartyName.ShouldBe("Möbelbörse Hörde");
        reversal.EndToEndId.ShouldBe("SAMMEL-2");
        (reversal.BookingDate, reversal.ValueDate).ShouldBe((new DateOnly(2019, 11, 18), new DateOnly(2019, 11, 15)));
    }

    [Fact]
    public void A_camt053_001_08_file_with_two_accounts_gives_two_statements_in_the_v08_shapes()
    {
        var statements = Parse("camt053-001-08.xml");

        statements.Select(s => s.Iban).ShouldBe(["DE89370400440532013000", "DE02120300000000202051"]);
        var first = statements[0];
        first.MessageType.ShouldBe("camt.053.001.08");
        (first.OpeningBalance, first.ClosingBalance).ShouldBe((14_300m, 13_690m));
        (first.FromDate, first.ToDate).ShouldBe((new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31)));
        first.Entries[0].CounterpartyName.ShouldBe("Wohnbau Dortmund eG");
        first.Entries[0].Amount.ShouldBe(-650m);
        first.Entries[1].CounterpartyName.ShouldBe("محمد الأحمد");
        first.Entries[1].Reference.ShouldBe("Spende ሰላም");
        first.Entries[1].BookingDate.ShouldBe(new DateOnly(2020, 1, 10));
    }

    [Fact]
    public void Entries_without_the_banks_reference_are_known_by_their_content_and_counted_when_equal()
    {
        var entries = Parse("camt053-001-08.xml")[0].Entries;

        entries[1].Key.ShouldStartWith("H:");
        entries[1].Key.ShouldEndWith("#1");
        entries[2].Key.ShouldBe(entries[1].Key[..^1] + "2");
        // Read again (an overlapping upload), the same keys come out.
        Parse("camt053-001-08.xml")[0].Entries.Select(e => e.Key).ShouldBe(entries.Select(e => e.Key));
    }

    [Fact]
    public void A_camt052_report_is_read_like_a_statement_with_its_interim_balance()
    {
        var report = Parse("camt052-001-08.xml").ShouldHaveSingleItem();

        report.MessageType.ShouldBe("camt.052.001.08");
        (report.ClosingBalance, report.ClosingDate).ShouldBe((13_040m, new DateOnly(2020, 2, 3)));
        report.Entries.ShouldHaveSingleItem().Reference.ShouldBe("Mieter 4711 Nettokaltmiete 02/2020");
    }

    [Fact]
    public void A_file_with_a_dtd_is_refused_in_german() =>
        Refusal("hostile-dtd.xml").ShouldContain("Dokumenttypdefinition (DTD)");

    [Fact]
    public void A_file_in_another_namespace_is_refused_naming_it() =>
        Refusal("wrong-namespace.xml").ShouldBe(
            "Die Datei ist kein Kontoauszug im Format camt.052 oder camt.053 (ISO 20022, Version 001.02 bis 001.08); gefunden: „urn:iso:std:iso:20022:tech:xsd:camt.054.001.02“.");

    [Fact]
    public void A_file_over_the_character_limit_is_refused_in_german() =>
        Refusal("camt053-001-02.xml", limit: 2_000).ShouldContain("zu groß");

    [Fact]
    public void A_file_that_is_no_xml_is_refused_in_german()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("IBAN;Betrag\nDE89;12,00"));

        Should.Throw<DomainException>(() => new CamtParser(Limit).Parse(stream)).Message.ShouldContain("kein lesbares XML");
    }
}
