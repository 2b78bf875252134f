using System.Text.RegularExpressions;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Localization;

namespace NestPortal.Web.Tests.Import;

/// <summary>
/// The three descriptions of the import format cannot drift apart: the importer's columns (<see cref="ImportSheets"/>),
/// the portal's format page (<see cref="ImportFormat"/>) and docs/import.md.
/// </summary>
public sealed partial class ImportFormatTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(LocalizationKeys.FindRepositoryRoot(), "docs", "import.md"));

    [Fact]
    public void Every_sheet_and_column_of_the_importer_is_explained_on_the_format_page()
    {
        ImportFormat.Purposes.Keys.ShouldBe(ImportSheets.All.Select(s => s.Name), ignoreOrder: true);
        var unexplained = ImportSheets.All.SelectMany(s => s.Columns.Where(c => ImportFormat.MeaningOf(s, c) is null).Select(c => $"{s.Name}: {c.German}"));
        unexplained.ShouldBeEmpty();
    }

    [Fact]
    public void Every_explanation_on_the_format_page_belongs_to_a_column_the_importer_reads()
    {
        var stale = ImportFormat.Meanings.Keys.Where(key => key.Sheet == ImportFormat.AnySheet
            // A shared explanation must serve some sheet that has the column and no explanation of its own.
            ? !ImportSheets.All.Any(s => s.Columns.Any(c => c.German == key.Column) && !ImportFormat.Meanings.ContainsKey((s.Name, key.Column)))
            : ImportSheets.All.SingleOrDefault(s => s.Name == key.Sheet)?.Columns.Any(c => c.German == key.Column) != true);

        stale.ShouldBeEmpty();
    }

    [Fact]
    public void Docs_import_md_lists_each_sheet_with_exactly_the_importers_columns_english_names_and_required_marks()
    {
        foreach (var sheet in ImportSheets.All)
        {
            var documented = DocumentedColumns(sheet.Name);
            documented.ShouldBe(sheet.Columns.Select(c => (c.German, c.English, c.Required)).ToList(),
                $"docs/import.md, sheet `{sheet.Name}`: its column table must match ImportSheets.{sheet.Kind}");
        }
    }

    [Fact]
    public void Docs_import_md_points_to_the_format_page_and_the_template()
    {
        Docs.ShouldContain("/Admin/Import/Format");
        Docs.ShouldContain("Vorlage herunterladen");
    }

    /// <summary>
    /// The first table after the sheet's heading (### `Name`...): "Column | English | Meaning" rows, where one row may
    /// list several columns ("Vorname\*, Nachname\*" with "Given name, Family name") and \* marks a required one.
    /// </summary>
    private static List<(string German, string English, bool Required)> DocumentedColumns(string sheet)
    {
        var heading = Docs.IndexOf($"### `{sheet}`", StringComparison.Ordinal);
        heading.ShouldBeGreaterThanOrEqualTo(0, $"docs/import.md has no heading for the sheet {sheet}");
        var lines = Docs[heading..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith("| Column", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|')).ToList();
        var columns = new List<(string, string, bool)>();
        foreach (var line in lines)
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var germans = cells[0].Split(", ");
            var englishes = cells[1].Split(", ");
            englishes.Length.ShouldBe(germans.Length, line);
            columns.AddRange(germans.Zip(englishes, (g, e) => (Required().Replace(g, ""), e, g.EndsWith(@"\*", StringComparison.Ordinal))));
        }

        return columns;
    }

    [GeneratedRegex(@"\\\*$")]
    private static partial Regex Required();
}
