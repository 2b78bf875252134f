using System.IO.Compression;
using System.Text;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.ImportSample;

namespace NestPortal.Web.Tests.Import;

/// <summary>
/// The guard on its own: the counting stream, the XML and CSV scans, and the bomb files, with how far the guard
/// read before it refused and what it allocated on its (synchronous) thread: both counts, not times.
/// </summary>
public sealed class ImportFileGuardTests
{
    private static readonly ImportTexts L = new(new ServiceCollection().AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>());

    private static readonly ImportLimits Limits = new();

    /// <summary>
    /// What the guard may allocate refusing a bomb: its 4 K and 64 K buffers, the XML reader's buffers, the ZIP's
    /// inflater windows and at most one row limit's worth of XML (20,000 empty rows are 0.4 MB). The bombs unpack
    /// to 200–300 MB, which as .NET text would be 400–600 MB; main's reader took the process to 2.3 GB.
    /// </summary>
    private const long AllocationBound = 16L * 1024 * 1024;

    private static (ImportProblem? Problem, long Allocated, long Unpacked) Guard(byte[] content, ImportLimits? limits = null)
    {
        var guard = new ImportFileGuard(limits ?? Limits, L);
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            guard.Check(content);
            return (null, GC.GetAllocatedBytesForCurrentThread() - before, guard.BytesUnpacked);
        }
        catch (ImportRefusedException refused)
        {
            return (refused.Problem, GC.GetAllocatedBytesForCurrentThread() - before, guard.BytesUnpacked);
        }
    }

    [Fact]
    public void The_counting_stream_stops_at_its_limit_whatever_the_source_says()
    {
        using var stream = new CountingReadStream(new MemoryStream(new byte[1_000_000]), limit: 10_000);
        var buffer = new byte[4096];

        var exception = Should.Throw<UnpackedSizeLimitException>(() => { while (stream.Read(buffer) > 0) { } });

        exception.Total.ShouldBeFalse();
        stream.BytesRead.ShouldBeInRange(10_001, 10_000 + buffer.Length);
    }

    [Fact]
    public void The_tally_counts_all_parts_together()
    {
        var tally = new ByteTally(15_000);
        using var first = new CountingReadStream(new MemoryStream(new byte[10_000]), 1_000_000, tally);
        using var second = new CountingReadStream(new MemoryStream(new byte[10_000]), 1_000_000, tally);
        first.CopyTo(Stream.Null);

        Should.Throw<UnpackedSizeLimitException>(() => second.CopyTo(Stream.Null)).Total.ShouldBeTrue();
        tally.Bytes.ShouldBeGreaterThan(15_000);
    }

    [Fact]
    public void A_tag_longer_than_the_limit_stops_the_stream_before_a_reader_holds_it()
    {
        var xml = Encoding.UTF8.GetBytes("<c r=\"" + new string('A', 100_000) + "\"/>");
        using var stream = new CountingReadStream(new MemoryStream(xml), 1_000_000, maxTagBytes: 1024);

        Should.Throw<XmlTagLimitException>(() => stream.CopyTo(Stream.Null, 512));
        stream.BytesRead.ShouldBeLessThanOrEqualTo(1024 + 512 + 1);
    }

    [Fact]
    public void The_sheet_scan_measures_inline_texts_and_names_the_cell_even_without_a_reference()
    {
        var scan = new ImportXmlScan(Limits with { MaxCellLength = 10 }, L, CancellationToken.None);
        var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Referenz</t></is></c></row>"
            + "<row r=\"2\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>elf Zeichen</t></is></c></row></sheetData></worksheet>";

        var problem = Should.Throw<ImportRefusedException>(() => scan.Worksheet(new MemoryStream(Encoding.UTF8.GetBytes(sheet)), "Personen", null)).Problem;

        problem.Text.De.ShouldBe("Die Zelle B2 im Blatt „Personen“ ist länger als 10 Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.");
        (problem.Sheet, problem.Row, problem.Column).ShouldBe(("Personen", 2, "B2"));
    }

    [Fact]
    public void The_sheet_scan_counts_empty_rows_and_refuses_columns_past_the_limit()
    {
        var scan = new ImportXmlScan(Limits with { MaxRowsPerSheet = 3, MaxColumns = 5 }, L, CancellationToken.None);
        static MemoryStream Sheet(string rows) => new(Encoding.UTF8.GetBytes("<worksheet><sheetData>" + rows + "</sheetData></worksheet>"));

        scan.Worksheet(Sheet("<row/><row/><row/><row/>"), "Familien", null).ShouldBe(4);
        Should.Throw<ImportRefusedException>(() => scan.Worksheet(Sheet("<row/><row/><row/><row/><row/>"), "Familien", null))
            .Problem.Text.De.ShouldStartWith("Das Blatt „Familien“ hat mehr als 3 Zeilen (leere Zeilen mitgezählt).");
        Should.Throw<ImportRefusedException>(() => scan.Worksheet(Sheet("<row r=\"1\"><c r=\"F1\"/></row>"), "Familien", null))
            .Problem.Text.De.ShouldBe("Das Blatt „Familien“ hat Zellen in Spalte F; erlaubt sind höchstens 5 Spalten. Bitte löschen Sie die Spalten rechts der Tabelle.");
    }

    [Fact]
    public void A_document_type_declaration_is_refused_so_no_entity_is_ever_expanded()
    {
        var scan = new ImportXmlScan(Limits, L, CancellationToken.None);
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst><si><t>&b;</t></si></sst>";

        Should.Throw<XmlException>(() => scan.FirstTooLongSharedString(new MemoryStream(Encoding.UTF8.GetBytes(laughs))));
    }

    [Fact]
    public void The_csv_scan_keeps_line_breaks_inside_quotes_in_their_record_and_counts_empty_lines()
    {
        var scan = new ImportCsvScan(Limits with { MaxRowsPerSheet = 2 }, L, "Gruppen");

        scan.Scan(new MemoryStream(Encoding.UTF8.GetBytes("Referenz;Konzept\nG1;\"Zeile 1\nZeile 2\nZeile 3\"\nG2;x\n")), CancellationToken.None).ShouldBe(3);
        Should.Throw<ImportRefusedException>(() => scan.Scan(new MemoryStream(Encoding.UTF8.GetBytes("Referenz\nG1\n\n\n")), CancellationToken.None))
            .Problem.Row.ShouldBe(4);
    }

    [Fact]
    public void The_csv_scan_counts_characters_not_bytes_against_the_cell_length()
    {
        var scan = new ImportCsvScan(Limits, L, "Gruppen");
        var plan = new string('ü', Limits.MaxCellLength);

        scan.Scan(new MemoryStream(Encoding.UTF8.GetBytes("Referenz;Konzept\nG1;\"" + plan + "\"\n")), CancellationToken.None).ShouldBe(2);
        Should.Throw<ImportRefusedException>(() => scan.Scan(new MemoryStream(Encoding.UTF8.GetBytes("Referenz;Konzept\nG1;" + plan + "ü\n")), CancellationToken.None))
            .Problem.Column.ShouldBe("B2");
    }

    [Fact]
    public void A_cell_of_150_MB_is_refused_after_reading_a_few_KB_of_it()
    {
        ImportBombs.BigCell.Length.ShouldBeLessThan(1024 * 1024);

        var (problem, allocated, unpacked) = Guard(ImportBombs.BigCell);

        problem.ShouldNotBeNull().Text.De.ShouldBe("Die Zelle B2 im Blatt „Familien“ ist länger als 8.000 Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.");
        unpacked.ShouldBeLessThan(1024 * 1024, "the guard reads the shared text only up to the limit");
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public void A_sheet_declaring_row_1048576_is_refused_at_its_dimension()
    {
        var (problem, allocated, unpacked) = Guard(ImportBombs.LastRowDeclared);

        problem.ShouldNotBeNull().Text.De.ShouldBe("Das Blatt „Familien“ erklärt 1.048.576 Zeilen; erlaubt sind höchstens 20.000. Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.");
        unpacked.ShouldBeLessThan(64 * 1024);
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public void A_sheet_using_row_1048576_without_a_dimension_is_refused_at_that_row()
    {
        var (problem, _, _) = Guard(ImportBombs.LastRowUsed);

        problem.ShouldNotBeNull().Row.ShouldBe(1_048_576);
        problem.Text.De.ShouldStartWith("Das Blatt „Familien“ hat mehr als 20.000 Zeilen (leere Zeilen mitgezählt).");
    }

    [Fact]
    public void Three_million_empty_rows_are_refused_at_the_row_limit()
    {
        var (problem, allocated, unpacked) = Guard(ImportBombs.EmptyRows);

        problem.ShouldNotBeNull().Row.ShouldBe(20_002);
        problem.Text.De.ShouldStartWith("Das Blatt „Familien“ hat mehr als 20.000 Zeilen (leere Zeilen mitgezählt).");
        // About 20,000 rows of the 3,000,000 (each "<row r=\"n\"/>" is 14 to 17 bytes), plus the reader's buffers.
        unpacked.ShouldBeLessThan(2 * 1024 * 1024);
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public void A_csv_file_unpacking_to_300_MB_is_refused_before_it_is_unpacked()
    {
        ImportBombs.BigCsv.Length.ShouldBeLessThan(2 * 1024 * 1024);

        var (problem, allocated, unpacked) = Guard(ImportBombs.BigCsv);

        problem.ShouldNotBeNull().Text.De.ShouldBe("Die Datei ist entpackt größer als 200 MB. Bitte teilen Sie die Daten auf mehrere Importe auf.");
        unpacked.ShouldBe(0);
        allocated.ShouldBeLessThan(AllocationBound);
    }

    [Fact]
    public void A_part_whose_header_understates_its_size_is_read_no_further_than_stated()
    {
        // .NET's ZIP reader stops a part at its stated size, for the guard as for MiniExcel and CsvHelper later;
        // the guard counts what it actually unpacks, so a reader that did not stop would meet the limit instead.
        var csv = ImportSource.PackCsvFiles([("Familien.csv", Encoding.UTF8.GetBytes("Referenz\n" + string.Concat(Enumerable.Repeat("F-1\n", 300_000))))]);
        var understated = StateSize(csv, "Familien.csv", 1000);

        var (problem, _, unpacked) = Guard(understated, Limits with { MaxUncompressedBytes = 1024 * 1024 });

        problem.ShouldBeNull();
        unpacked.ShouldBeLessThanOrEqualTo(1000);
    }

    [Fact]
    public void The_sample_workbook_its_csv_files_and_a_large_history_pass()
    {
        Guard(File.ReadAllBytes(ImportSampleFiles.WorkbookPath)).Problem.ShouldBeNull();
        Guard(ImportSource.PackCsvFiles(ImportSampleFiles.CsvFiles())).Problem.ShouldBeNull();
        // The benchmark's history (scripts/bench-import.sh history) at a fifth of its size, with the limit it raises.
        var history = ImportSampleWorkbook.History(1500, "GUARD").ToXlsx();
        Guard(history, Limits with { MaxRowsPerSheet = 1_000_000 }).Problem.ShouldBeNull();
    }

    /// <summary>Writes a smaller unpacked size into an entry's local and central headers, as a hostile packer would.</summary>
    private static byte[] StateSize(byte[] zip, string entryName, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), size);
            if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name)) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), size);
        }

        return bytes;
    }
}
