using System.Text.Json;

namespace NestPortal.Web.Import;

/// <summary>One error or warning of an import, where it was found.</summary>
public sealed record ImportProblem(string Sheet, int Row, string? Column, ImportText Text);

/// <summary>Rows of one sheet: how many were read, how many are new, how many were imported before.</summary>
public sealed class ImportSheetCount
{
    public string Name { get; set; } = string.Empty;
    public int Rows { get; set; }
    public int New { get; set; }
    public int Known { get; set; }
}

/// <summary>
/// What a dry run found, stored as JSON on the import: counts per sheet and the errors and warnings,
/// the first few hundred of each listed with the total counted (the row's column has a length limit).
/// </summary>
public sealed class ImportReport
{
    public const int MaxListed = 250;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<ImportSheetCount> Sheets { get; set; } = [];
    public List<ImportProblem> Errors { get; set; } = [];
    public List<ImportProblem> Warnings { get; set; } = [];
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }

    /// <summary>Why a commit failed or an import stopped, if it did.</summary>
    public ImportText? Failure { get; set; }

    /// <summary>
    /// Whether the file changes records saved before (rows added to groups, households or sponsorships of an
    /// earlier import): such a commit runs in one transaction; any other commits in staged slices (ADR 0022).
    /// </summary>
    public bool ChangesEarlierRecords { get; set; }

    /// <summary>Who discarded the import, if someone did.</summary>
    public string? DiscardedBy { get; set; }

    public int NewRows => Sheets.Sum(s => s.New);
    public int KnownRows => Sheets.Sum(s => s.Known);

    public void AddError(string sheet, int row, string? column, ImportText text)
    {
        ErrorCount++;
        if (Errors.Count < MaxListed) Errors.Add(new ImportProblem(sheet, row, column, text));
    }

    public void AddWarning(string sheet, int row, string? column, ImportText text)
    {
        WarningCount++;
        if (Warnings.Count < MaxListed) Warnings.Add(new ImportProblem(sheet, row, column, text));
    }

    public ImportSheetCount Sheet(string name)
    {
        var sheet = Sheets.FirstOrDefault(s => s.Name == name);
        if (sheet is null) Sheets.Add(sheet = new ImportSheetCount { Name = name });
        return sheet;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ImportReport();
        try
        {
            return JsonSerializer.Deserialize<ImportReport>(json, Json) ?? new ImportReport();
        }
        catch (JsonException)
        {
            // A report cut at the column's limit cannot be read back; the counts on the import row remain.
            return new ImportReport();
        }
    }
}
