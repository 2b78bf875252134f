using System.Globalization;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Import;

/// <summary>
/// One data row of a sheet with typed readers for its cells. A value that cannot be read is reported
/// with the sheet, row and column, and the row counts as failed, so the domain is not asked about it.
/// </summary>
public sealed class ImportRow(ImportSheet sheet, int number, IReadOnlyDictionary<string, object?> cells,
    IReadOnlyDictionary<string, string> headerOf, ImportReport report, ImportTexts l, ISet<Ags> nrwMunicipalities)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd.MM.yy", "yyyy-MM-ddTHH:mm:ss", "dd.MM.yyyy HH:mm:ss"];

    private IReadOnlyDictionary<string, object?> _cells = cells;

    public ImportSheet Sheet => sheet;
    public int Number => number;
    public bool Failed { get; private set; }

    public string Reference => Text(sheet.ReferenceColumn) ?? string.Empty;

    public void Error(string? column, ImportText text)
    {
        Failed = true;
        report.AddError(sheet.Name, number, column, text);
    }

    public void Error(string? column, DomainException exception)
    {
        foreach (var error in exception.Errors) Error(column, l.Of(error));
    }

    /// <summary>A finding that does not stop the row: a rule of a decision taken back then (docs/import.md, "History is fact").</summary>
    public void Warning(string? column, DomainError warning) => report.AddWarning(sheet.Name, number, column, l.Of(warning));

    /// <summary>
    /// Lets go of the cells once they are read, for a row kept until after its sheet (a ledger row, a match):
    /// only its number and its findings are used from then on; the cells of every row of a large sheet would only hold memory.
    /// </summary>
    public ImportRow ForgetCells()
    {
        _cells = EmptyCells;
        return this;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyCells = new Dictionary<string, object?>();

    public bool IsEmpty => _cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    public string? Text(string column)
    {
        if (!headerOf.TryGetValue(column, out var header) || !_cells.TryGetValue(header, out var value) || value is null) return null;
        var text = value switch
        {
            string s => s,
            double d => d.ToString("0.############", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.ToString("dd.MM.yyyy", German),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public string RequiredText(string column)
    {
        var text = Text(column);
        if (text is null) Error(column, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", column]);
        return text ?? string.Empty;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var value = Cell(column);
        switch (value)
        {
            case DateTime time: return DateOnly.FromDateTime(time);
            case double serial when serial is > 0 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var text = Text(column);
        if (text is null)
        {
            if (required) Error(column, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", column]);
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return DateOnly.FromDateTime(parsed);
        Error(column, l["„{0}“ ist kein Datum; bitte schreiben Sie es als TT.MM.JJJJ (z. B. 25.06.2021).", text]);
        return null;
    }

    public DateOnly RequiredDate(string column) => Date(column, required: true) ?? default;

    /// <summary>A rent month: "11.2019", "2019-11" or any date in the month.</summary>
    public DateOnly? Month(string column)
    {
        var text = Text(column);
        if (text is not null && DateTime.TryParseExact(text, ["MM.yyyy", "M.yyyy", "yyyy-MM", "MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new DateOnly(month.Year, month.Month, 1);
        return Date(column) is { } date ? Months.FirstOf(date) : null;
    }

    public decimal? Amount(string column, bool required = false)
    {
        var value = Cell(column);
        decimal? amount = value switch
        {
            double d => Math.Round((decimal)d, 6),
            decimal m => m,
            _ => null,
        };
        var text = Text(column);
        if (amount is null && text is not null)
        {
            var normalised = text.Replace("€", "", StringComparison.Ordinal).Trim();
            var separators = normalised.Count(c => c is ',' or '.');
            if (separators <= 1 && decimal.TryParse(normalised.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
                amount = parsed;
        }

        if (amount is null)
        {
            if (text is not null) Error(column, l["„{0}“ ist kein Betrag; bitte schreiben Sie ihn wie 1234,56 (ohne Tausenderpunkt).", text]);
            else if (required) Error(column, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", column]);
            return null;
        }

        if (decimal.Round(amount.Value, 2) != amount.Value)
        {
            Error(column, l["„{0}“ hat mehr als zwei Nachkommastellen.", text ?? amount.Value.ToString(CultureInfo.InvariantCulture)]);
            return null;
        }

        return amount;
    }

    public decimal RequiredAmount(string column) => Amount(column, required: true) ?? 0;

    public bool YesNo(string column)
    {
        var text = Text(column)?.ToLowerInvariant();
        switch (text)
        {
            case null or "nein" or "n" or "0" or "false" or "falsch" or "no": return false;
            case "ja" or "j" or "x" or "1" or "true" or "wahr" or "yes" or "y": return true;
            default:
                Error(column, l["„{0}“ ist weder ja noch nein.", Text(column)!]);
                return false;
        }
    }

    /// <summary>An NRW municipality's AGS; a number cell that lost its leading zero is accepted.</summary>
    public Ags? Municipality(string column, bool required = true)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required) Error(column, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", column]);
            return null;
        }

        return ParseAgs(column, text);
    }

    /// <summary>A list of AGS separated by commas, semicolons or spaces.</summary>
    public List<Ags> MunicipalityList(string column)
    {
        var list = new List<Ags>();
        foreach (var part in (Text(column) ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseAgs(column, part) is { } ags) list.Add(ags);
        }

        return list;
    }

    /// <summary>A value from a fixed list; the words people write (German and English) map to the enum.</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> words, bool required) where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            if (required) Error(column, l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", column]);
            return null;
        }

        if (words.TryGetValue(ImportHeaders.Normalise(text), out var value)) return value;
        Error(column, l["„{0}“ ist kein zulässiger Wert; erlaubt sind: {1}.", text, string.Join(", ", words.Keys)]);
        return null;
    }

    private Ags? ParseAgs(string column, string text)
    {
        var digits = text.Trim();
        if (digits.Length == 7 && digits.All(char.IsAsciiDigit)) digits = "0" + digits;
        if (Ags.TryParse(digits, out var ags) && nrwMunicipalities.Contains(ags)) return ags;
        Error(column, l["„{0}“ ist kein Gemeindeschlüssel einer Kommune in Nordrhein-Westfalen (8 Ziffern, z. B. 05913000 für Dortmund).", text]);
        return null;
    }

    private object? Cell(string column) =>
        headerOf.TryGetValue(column, out var header) && _cells.TryGetValue(header, out var value) ? value : null;
}
