using Microsoft.Extensions.Localization;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Pages.Admin.Import;

/// <summary>How an import's status reads in lists and on its page.</summary>
public static class ImportStatusLabel
{
    public static string Of(DataImportStatus status, IStringLocalizer l) => status switch
    {
        DataImportStatus.Checking => l["Wird geprüft"],
        DataImportStatus.Checked => l["Geprüft, ohne Fehler"],
        DataImportStatus.Invalid => l["Geprüft, mit Fehlern"],
        DataImportStatus.Committing => l["Wird übernommen"],
        DataImportStatus.Committed => l["Übernommen"],
        _ => l["Fehlgeschlagen oder verworfen"],
    };

    public static bool IsRunning(DataImportStatus status) => status is DataImportStatus.Checking or DataImportStatus.Committing;
}
