using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Documents;

/// <summary>Uploading as the page's form does, and documents put straight into the database for the other pages' tests.</summary>
public static class DocumentPages
{
    public static string UploadUrl(string owner, int id) => $"/Documents/Upload/{owner}/{id}";

    /// <summary>Opens the upload page (for its antiforgery token) and posts the file as the form would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string owner, int id, string fileName, byte[] bytes,
        DocumentCategory? category = DocumentCategory.Other)
    {
        var page = await client.GetPageAsync(UploadUrl(owner, id));
        var token = page.QuerySelectorAll("main form input[name='__RequestVerificationToken']").OfType<IHtmlInputElement>().Single().Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (category is { } chosen) content.Add(new StringContent(((int)chosen).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Category");
        var file = new ByteArrayContent(bytes);
        // What a browser may claim; the portal decides by the bytes.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(UploadUrl(owner, id), content);
    }

    /// <summary>A document stored as an upload would store it (uploaded by <paramref name="uploader"/>).</summary>
    public static async Task<int> AddDocumentAsync(this PortalFactory factory, DocumentOwnerKind owner, int ownerId, string uploaderId,
        string fileName = "Erklärung.pdf", DocumentCategory category = DocumentCategory.Declaration, byte[]? content = null)
    {
        var bytes = content ?? DocumentFiles.Pdf();
        var document = new Document(owner, ownerId, category, fileName, "application/pdf", bytes.Length,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), new Actor(uploaderId, "Hochgeladen im Test"), TestClock.UtcNow);
        await factory.ExecuteAsync(async db =>
        {
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            db.DocumentContents.Add(new DocumentContent(document.Id, bytes));
            await db.SaveChangesAsync();
        });
        return document.Id;
    }

    public static Task<int> DocumentCountAsync(this PortalFactory factory, DocumentOwnerKind owner, int ownerId) =>
        factory.QueryAsync(db => db.Documents.CountAsync(d => d.OwnerKind == owner && d.OwnerId == ownerId && d.DeletedAtUtc == null));

    /// <summary>The demo's approved group with a family (the demo mentor's), and its sponsorship.</summary>
    public static async Task<(int Group, int Sponsorship, int Household)> SponsoringGroupAsync(this PortalFactory factory)
    {
        var group = await factory.GroupIdAsync("Patenschaft Phoenixsee");
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.GroupId == group).Select(s => new { s.Id, s.HouseholdId }).FirstAsync());
        return (group, sponsorship.Id, sponsorship.HouseholdId);
    }
}

/// <summary>The portal with a document limit of 1 MB, so a test need not send 20 MB to meet it.</summary>
public sealed class SmallDocumentLimitFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:MaxFileMegabytes", "1");
    }
}
