using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace NestPortal.Web.AccessRequests;

/// <summary>The JSON download of an export: UTF-8, indented, umlauts as they are, as an attachment.</summary>
public static class AccessJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Letters of every script stay readable; only characters that could matter to HTML are escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static FileContentResult Download<T>(T report, string fileName) =>
        new(JsonSerializer.SerializeToUtf8Bytes(report, Options), ContentType) { FileDownloadName = fileName };
}
