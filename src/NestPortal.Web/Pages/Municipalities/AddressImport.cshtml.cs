using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>
/// Imports administration addresses from a small CSV (UTF-8, semicolon, header row; ADR 0023). Every row is
/// checked first; one wrong row and nothing is saved, every problem is listed with its row number. A row
/// replaces the municipality's address and mailbox; municipalities without a row keep theirs.
/// </summary>
public sealed class AddressImportModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>396 municipalities fit in far less; a larger file is not an address list.</summary>
    public const int MaxBytes = 512 * 1024;

    public static readonly string[] Columns = ["AGS", "Empfängerzeile", "Straße", "Postleitzahl", "Ort", "Funktionspostfach"];

    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Upload), l["Bitte wählen Sie eine CSV-Datei aus."]);
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Die Datei ist größer als {0:N0} KB.", MaxBytes / 1024]);
            return Page();
        }

        var rows = await ReadAsync(file);
        if (rows is null)
        {
            ModelState.AddModelError(nameof(Upload), l["Die erste Zeile muss die Spalten {0} nennen (Semikolon getrennt).", string.Join("; ", Columns)]);
            return Page();
        }

        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Ags.Value);
        var errors = new List<string>();
        var changes = new List<(Domain.Municipalities.Municipality Municipality, AdministrationAddress Address, string? Mailbox)>();
        var seen = new HashSet<string>();
        foreach (var (line, fields) in rows)
        {
            var ags = fields[0].Trim();
            if (!municipalities.TryGetValue(ags, out var municipality))
            {
                errors.Add(l["Zeile {0}: „{1}“ ist kein Gemeindeschlüssel einer Kommune in Nordrhein-Westfalen.", line, ags]);
                continue;
            }

            if (!seen.Add(ags)) errors.Add(l["Zeile {0}: {1} steht mehr als einmal in der Datei.", line, municipality.Name]);
            var mailbox = string.IsNullOrWhiteSpace(fields[5]) ? null : fields[5].Trim();
            if (mailbox is not null && !MailAddresses.CanSendTo(mailbox))
                errors.Add(l["Zeile {0}: Das Funktionspostfach „{1}“ ist keine gültige E-Mail-Adresse.", line, mailbox]);
            try
            {
                changes.Add((municipality, AdministrationAddress.Create(fields[1], fields[2], fields[3], fields[4]), mailbox));
            }
            catch (DomainException exception)
            {
                errors.AddRange(exception.Errors.Select(e => l["Zeile {0}: {1}", line, l[e.Template, e.Arguments].Value].Value));
            }
        }

        if (errors.Count == 0 && changes.Count == 0) errors.Add(l["Die Datei enthält keine Zeilen."]);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        foreach (var (municipality, address, mailbox) in changes) municipality.RecordAdministrationContact(address, mailbox);
        await db.SaveChangesAsync();
        TempData["Status"] = l["{0:N0} Postanschriften sind gespeichert.", changes.Count].Value;
        return RedirectToPage("./Index");
    }

    /// <summary>The rows with their line numbers (the header is line 1); null when the header is not the expected one.</summary>
    private static async Task<List<(int Line, string[] Fields)>?> ReadAsync(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", BadDataFound = null });
        if (!await csv.ReadAsync() || csv.Record is not { } header
            || !header.Select(h => h.Trim()).Take(Columns.Length).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
            return null;
        var rows = new List<(int, string[])>();
        while (await csv.ReadAsync())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((csv.Row, [.. record.Concat(Enumerable.Repeat(string.Empty, Columns.Length)).Take(Columns.Length)]));
        }

        return rows;
    }
}
