using System.Globalization;
using System.Text;

namespace NestPortal.Web.Infrastructure.Downloads;

/// <summary>
/// Writes CSV the way a German Excel opens it by double-click: UTF-8 with a byte-order mark (so umlauts
/// survive), semicolons (the comma is the decimal separator), CRLF line ends, fields quoted per RFC 4180.
/// Money is written without thousands separator ("1234,56"), dates as dd.MM.yyyy: both are read as
/// numbers and dates. Text is defused against formula injection. Writes asynchronously straight to
/// the stream (the response body), a buffer at a time, never the whole file in memory.
/// </summary>
public sealed class GermanCsvWriter : IAsyncDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private readonly Stream _stream;
    private readonly StreamWriter _writer;
    private bool _preambleWritten;

    public GermanCsvWriter(Stream stream)
    {
        _stream = stream;
        // No preamble from the encoding: it is written once, explicitly, whatever the stream can seek.
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
    }

    /// <summary>One line of fields, each already made a CSV field by <see cref="Text"/>, <see cref="Money"/> and the rest.</summary>
    public async Task WriteRowAsync(IEnumerable<string> fields, CancellationToken cancellationToken = default)
    {
        await WritePreambleAsync(cancellationToken);
        var first = true;
        foreach (var field in fields)
        {
            // Only asynchronous writes: a full buffer goes to the response body, which refuses synchronous I/O.
            if (!first) await _writer.WriteAsync(";".AsMemory(), cancellationToken);
            await _writer.WriteAsync(field.AsMemory(), cancellationToken);
            first = false;
        }

        await _writer.WriteLineAsync(ReadOnlyMemory<char>.Empty, cancellationToken);
    }

    public Task WriteRowAsync(params string[] fields) => WriteRowAsync(fields, CancellationToken.None);

    public async Task WriteBlankLineAsync(CancellationToken cancellationToken = default)
    {
        await WritePreambleAsync(cancellationToken);
        await _writer.WriteLineAsync(ReadOnlyMemory<char>.Empty, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await WritePreambleAsync(CancellationToken.None);
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    /// <summary>
    /// A text field: defused if a spreadsheet would run it as a formula (= + - @ tab CR at the start get a
    /// leading apostrophe; people outside the portal type some of these texts), quoted if it holds a
    /// separator, a quote or a line break.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(";\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A code of digits that is no number, such as the AGS 05913000. A German Excel opening the file by
    /// double-click reads the plain field as the number 5913000 and drops the zero; the field is therefore
    /// written as the formula <c>="05913000"</c> (CSV-quoted), whose result Excel shows as that text.
    /// Only a code of ASCII digits is written so, so nothing else can become a formula; any other value is
    /// written as <see cref="Text"/>. Why this form and what it costs other programs: ADR 0017.
    /// </summary>
    public static string Code(string? code)
    {
        if (string.IsNullOrEmpty(code)) return string.Empty;
        return code.All(char.IsAsciiDigit) ? "\"=\"\"" + code + "\"\"\"" : Text(code);
    }

    /// <summary>Euro with a decimal comma and two places, no thousands separator: "-1234,50".</summary>
    public static string Money(decimal amount) => amount.ToString("0.00", German);

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private async ValueTask WritePreambleAsync(CancellationToken cancellationToken)
    {
        if (_preambleWritten) return;
        _preambleWritten = true;
        await _stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
    }
}
