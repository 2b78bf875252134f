using Microsoft.Extensions.Localization;
using NestPortal.Domain.Documents;

namespace NestPortal.Web.Texts;

/// <summary>The words people read for documents: their categories and sizes.</summary>
public static class DocumentTexts
{
    public static string Category(IStringLocalizer l, DocumentCategory category) => category switch
    {
        DocumentCategory.TrainingCertificate => l["Schulungsnachweis"],
        DocumentCategory.Declaration => l["Erklärung"],
        DocumentCategory.Lease => l["Mietvertrag"],
        DocumentCategory.RentAccountProof => l["Nachweis Mietkonto (Eröffnung und Einzahlung)"],
        DocumentCategory.BankStatement => l["Kontoauszug"],
        DocumentCategory.Other => l["Sonstiges"],
        _ => category.ToString(),
    };

    /// <summary>A file's size as people read it: KB below a megabyte, MB with one decimal above.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0:N0} KB", Math.Max(1, (bytes + 1023) / 1024))
        : string.Format(System.Globalization.CultureInfo.CurrentCulture, "{0:N1} MB", bytes / 1024d / 1024d);
}
