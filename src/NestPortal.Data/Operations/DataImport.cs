namespace NestPortal.Data.Operations;

/// <summary>Where an import stands: checked (dry run) first, then committed all-or-nothing.</summary>
public enum DataImportStatus
{
    /// <summary>Uploaded; the dry run is reading and checking every row.</summary>
    Checking,

    /// <summary>The dry run found no error; an administrator may commit it.</summary>
    Checked,

    /// <summary>The dry run found errors; nothing can be committed from this file.</summary>
    Invalid,

    /// <summary>The commit is writing every row in one transaction.</summary>
    Committing,

    /// <summary>Written; every record carries an audit entry naming this import.</summary>
    Committed,

    /// <summary>The commit failed and was rolled back, or the administrator discarded the file.</summary>
    Failed,
}

/// <summary>
/// One upload of existing records (an XLSX workbook or a set of CSV files): its dry run, its progress
/// and its commit. The file itself is kept in <see cref="DataImportFile"/> until committed or discarded.
/// </summary>
public sealed class DataImport
{
    public const int FileNameMaxLength = 260;
    public const int ReportMaxLength = 200_000;

    public int Id { get; private set; }
    public string FileName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the uploaded bytes (hex), to tell the administrator a file was imported before.</summary>
    public string FileSha256 { get; private set; } = string.Empty;

    public long FileSize { get; private set; }
    public string StartedByUserId { get; private set; } = string.Empty;
    public string StartedByName { get; private set; } = string.Empty;
    public DateTime StartedAtUtc { get; private set; }
    public DataImportStatus Status { get; private set; }

    /// <summary>Rows found in the file (all sheets), known once the dry run has counted them.</summary>
    public int TotalRows { get; private set; }

    /// <summary>Rows checked or written so far: the progress bar's value.</summary>
    public int ProcessedRows { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>The dry run's findings (JSON: errors per sheet and row, counts of new and known records).</summary>
    public string? Report { get; private set; }

    public DateTime? CheckedAtUtc { get; private set; }
    public DateTime? CommittedAtUtc { get; private set; }
    public string? CommittedByName { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    private DataImport()
    {
    }

    public DataImport(string fileName, string fileSha256, long fileSize, string startedByUserId, string startedByName, DateTime startedAtUtc)
    {
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        FileSha256 = fileSha256;
        FileSize = fileSize;
        StartedByUserId = startedByUserId;
        StartedByName = startedByName;
        StartedAtUtc = startedAtUtc;
        Status = DataImportStatus.Checking;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>How the import names itself in audit entries of the records it wrote.</summary>
    public string AuditName => $"Import #{Id} „{FileName}“";

    /// <summary>
    /// After the import files' retention the report keeps its counts but not its lists of problems, whose
    /// messages name persons (retention, docs/data-protection.md).
    /// </summary>
    public void ForgetProblemDetails(string reportWithCountsOnly) =>
        Report = reportWithCountsOnly.Length > ReportMaxLength ? reportWithCountsOnly[..ReportMaxLength] : reportWithCountsOnly;

    public void ReportProgress(int processedRows, int totalRows)
    {
        ProcessedRows = processedRows;
        TotalRows = totalRows;
    }

    public void FinishCheck(int totalRows, int errorCount, string report, DateTime nowUtc)
    {
        TotalRows = totalRows;
        ProcessedRows = totalRows;
        ErrorCount = errorCount;
        Report = report.Length > ReportMaxLength ? report[..ReportMaxLength] : report;
        CheckedAtUtc = nowUtc;
        Status = errorCount == 0 ? DataImportStatus.Checked : DataImportStatus.Invalid;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Claims the import for committing; false when it is not (or no longer) a clean dry run.</summary>
    public bool StartCommit(string committedByName)
    {
        if (Status != DataImportStatus.Checked) return false;
        Status = DataImportStatus.Committing;
        CommittedByName = committedByName;
        ProcessedRows = 0;
        ConcurrencyStamp = Guid.NewGuid();
        return true;
    }

    public void FinishCommit(DateTime nowUtc)
    {
        Status = DataImportStatus.Committed;
        ProcessedRows = TotalRows;
        CommittedAtUtc = nowUtc;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public void Fail(string report)
    {
        Status = DataImportStatus.Failed;
        Report = report.Length > ReportMaxLength ? report[..ReportMaxLength] : report;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>The uploaded bytes of an import, apart from it so lists never load them; deleted after commit or discard.</summary>
public sealed class DataImportFile
{
    public int DataImportId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private DataImportFile()
    {
    }

    public DataImportFile(int dataImportId, byte[] content)
    {
        DataImportId = dataImportId;
        Content = content;
    }
}

/// <summary>
/// Which record a row's external reference became (kind + reference unique): a second import of the
/// same row finds it here and writes nothing.
/// </summary>
public sealed class ImportedRecord
{
    public const int KindMaxLength = 30;
    public const int ReferenceMaxLength = 100;

    public long Id { get; private set; }

    /// <summary>What the row became: "Group", "Member", "Household", "Person", "Sponsorship", "Allocation", "EscrowEntry", "Outreach".</summary>
    public string Kind { get; private set; } = string.Empty;

    public string ExternalReference { get; private set; } = string.Empty;
    public int EntityId { get; private set; }
    public int DataImportId { get; private set; }

    private ImportedRecord()
    {
    }

    public ImportedRecord(string kind, string externalReference, int entityId, int dataImportId)
    {
        Kind = kind;
        ExternalReference = externalReference;
        EntityId = entityId;
        DataImportId = dataImportId;
    }
}
