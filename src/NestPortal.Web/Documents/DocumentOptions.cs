namespace NestPortal.Web.Documents;

/// <summary>Limits of uploaded documents (configuration section <c>Documents</c>, ADR 0024).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Largest file taken, in MB: generous, a scanned lease or a phone photo is far smaller.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>What an office file (a ZIP) may unpack to, in MB: far above any real letter, far below a ZIP bomb.</summary>
    public int MaxUnpackedMegabytes { get; set; } = 200;

    /// <summary>Parts of an office file (a ZIP): a letter with pictures has dozens, a spreadsheet a few hundred.</summary>
    public int MaxZipEntries { get; set; } = 2000;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024L;
}
