using System.Globalization;

namespace NestPortal.Web.Reports;

/// <summary>How the screen and the print view show a cell: counts with thousands separators, euro with the culture's format.</summary>
public static class ReportCells
{
    public static string Format(object? value, CultureInfo culture) => value switch
    {
        null => string.Empty,
        int count => count.ToString("N0", culture),
        decimal money => money.ToString("N2", culture) + "\u00A0€",
        DateOnly date => date.ToString("d", culture),
        _ => Convert.ToString(value, culture) ?? string.Empty,
    };

    /// <summary>Numbers right-aligned, so digits line up.</summary>
    public static bool IsNumeric(ReportValueKind kind) => kind is ReportValueKind.Count or ReportValueKind.Money;
}
