using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Import;

/// <summary>
/// How big an upload may be, checked before and while the file is read (<see cref="ImportFileGuard"/>): a
/// file small on the wire may unpack to gigabytes or declare a million rows, and the dry run runs one import
/// at a time, so a hostile file must be refused in seconds with bounded memory (ADR 0021, docs/import.md).
/// </summary>
public sealed record ImportLimits
{
    public const string UploadMegabytesSetting = "Import:MaxUploadMegabytes";
    public const string UncompressedMegabytesSetting = "Import:MaxUncompressedMegabytes";
    public const string CheckTimeBudgetSecondsSetting = "Import:CheckTimeBudgetSeconds";

    /// <summary>The upload as it arrives (one workbook, or all CSV files together).</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Every part of the stored ZIP unpacked, counted as it is unpacked (the header's sizes may lie).</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// A part the importer does not read row by row (styles, relationships, the workbook's sheet list): a few
    /// hundred KB in any real workbook; MiniExcel reads some of them whole.
    /// </summary>
    public long MaxOtherPartBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Parts of a workbook or CSV files of a set: a workbook of nine sheets has about twenty.</summary>
    public int MaxEntries { get; init; } = 200;

    /// <summary>Data rows of one sheet (below the header); <c>Import:MaxRowsPerSheet</c>.</summary>
    public int MaxRowsPerSheet { get; init; } = ImportRun.DefaultMaxRowsPerSheet;

    /// <summary>The widest sheet (Patenschaften) has 21 columns; room for unknown ones, which are only warned about.</summary>
    public int MaxColumns { get; init; } = 200;

    /// <summary>
    /// The longest text the format takes is a group's support plan (Konzept, 8,000 characters, as the form);
    /// a longer cell cannot be a valid value of any column.
    /// </summary>
    public int MaxCellLength { get; init; } = MentoringGroup.SupportPlanMaxLength;

    /// <summary>
    /// One CSV record in bytes: a support plan of 8,000 characters is at most 24 KB in UTF-8, the other columns
    /// of the widest sheet together well under 8 KB.
    /// </summary>
    public int MaxCsvRecordBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// One XML tag (element with its attributes, a comment, a CDATA section) in bytes: an XML reader holds a tag
    /// whole, so one huge attribute would be a huge string; real tags are a few hundred bytes, the workbook's root
    /// with its namespaces about two KB.
    /// </summary>
    public int MaxXmlTagBytes { get; init; } = 64 * 1024;

    /// <summary>How long a dry run may take before it is stopped; a history of 171,000 rows took 5 to 43 s.</summary>
    public TimeSpan CheckTimeBudget { get; init; } = TimeSpan.FromSeconds(300);

    public static ImportLimits From(IConfiguration configuration)
    {
        var defaults = new ImportLimits();
        return defaults with
        {
            MaxUploadBytes = configuration.GetValue(UploadMegabytesSetting, defaults.MaxUploadBytes / 1024 / 1024) * 1024 * 1024,
            MaxUncompressedBytes = configuration.GetValue(UncompressedMegabytesSetting, defaults.MaxUncompressedBytes / 1024 / 1024) * 1024 * 1024,
            MaxRowsPerSheet = configuration.GetValue(ImportRun.MaxRowsPerSheetSetting, ImportRun.DefaultMaxRowsPerSheet),
            CheckTimeBudget = TimeSpan.FromSeconds(configuration.GetValue(CheckTimeBudgetSecondsSetting, defaults.CheckTimeBudget.TotalSeconds)),
        };
    }
}
