using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Documents;

public sealed class UploadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var (_, sponsorship, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var before = await factory.QueryAsync(db => db.Documents.CountAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((int)DocumentCategory.Lease).ToString()), "Input.Category" },
            { new ByteArrayContent(DocumentFiles.Pdf("/Lang (de-DE)")), "Upload", "Mietvertrag.pdf" },
        };

        (await client.PostAsync($"/Documents/Upload/sponsorship/{sponsorship}", content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_mentor_adds_the_lease_to_the_sponsorship_after_submission_and_it_round_trips_byte_for_byte()
    {
        var (group, sponsorship, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var pdf = DocumentFiles.Pdf("/Lang (de-DE)");

        var response = await client.UploadAsync("sponsorship", sponsorship, "Mietvertrag Phoenixsee.pdf", pdf, DocumentCategory.Lease);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{group}");
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector(".kern-alert--success, [role=status]")!.TextContent.ShouldContain("Das Dokument „Mietvertrag Phoenixsee.pdf“ ist hochgeladen.");
        var link = page.QuerySelectorAll("[data-fact=documents] a").Single(a => a.TextContent == "Mietvertrag Phoenixsee.pdf");
        var document = await factory.QueryAsync(db => db.Documents.SingleAsync(d => d.OwnerKind == DocumentOwnerKind.Sponsorship && d.OwnerId == sponsorship && d.FileName == "Mietvertrag Phoenixsee.pdf"));
        document.Category.ShouldBe(DocumentCategory.Lease);
        document.ContentType.ShouldBe("application/pdf");
        document.Size.ShouldBe(pdf.Length);

        var download = await client.GetAsync(link.GetAttribute("href"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Document" && a.EntityId == document.Id.ToString() && a.Action == AuditAction.Created)))
            .ShouldBeTrue("the upload is in the audit log");
    }

    [Fact]
    public async Task A_photo_from_a_phone_round_trips_byte_for_byte_as_a_PNG_or_JPEG()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        foreach (var (name, bytes, type) in new[] { ("IMG_0001.JPG", DocumentFiles.Jpeg(), "image/jpeg"), ("Scan.png", DocumentFiles.Png(), "image/png") })
        {
            (await client.UploadAsync("group", group, name, bytes, DocumentCategory.TrainingCertificate)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var id = await factory.QueryAsync(db => db.Documents.Where(d => d.FileName == name).Select(d => d.Id).SingleAsync());
            var download = await client.GetAsync($"/Documents/Download/{id}");
            download.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }
    }

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "Mietvertrag.pdf", DocumentFiles.Executable(), "Die Datei ist ein Programm, keine PDF-Datei. Programme nehmen wir nicht an; bitte laden Sie das Dokument selbst hoch." },
        { "Mietvertrag.pdf", [], "Die Datei ist leer. Bitte wählen Sie die Datei noch einmal aus." },
        { "Mietvertrag.pdf", DocumentFiles.PdfWithJavaScript(), "Die PDF-Datei enthält JavaScript, eine Startaktion oder eingebettete Dateien; solche Dateien nehmen wir nicht an. Bitte drucken Sie das Dokument in eine neue PDF-Datei („Als PDF drucken“) und laden Sie diese hoch." },
        { "Mietvertrag.doc", DocumentFiles.LegacyWord(), "Word- und Excel-Dateien im alten Format (.doc, .xls) nehmen wir nicht an: sie können Makros enthalten und lassen sich nicht sicher prüfen. Bitte speichern Sie die Datei als PDF." },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_gets_the_form_again_with_a_German_reason_and_nothing_is_stored(string name, byte[] bytes, string reason)
    {
        var (_, sponsorship, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var before = await factory.QueryAsync(db => db.Documents.CountAsync());

        var response = await client.UploadAsync("sponsorship", sponsorship, name, bytes, DocumentCategory.Lease);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldContain(reason);
        page.QuerySelector("#Input_Category option[selected]")!.TextContent.ShouldBe("Mietvertrag", "the form keeps the chosen category");
        (await factory.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(before);
        (await factory.QueryAsync(db => db.DocumentContents.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_category_or_a_file_the_form_says_what_is_missing()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await (await client.UploadAsync("group", group, "Erklärung.pdf", DocumentFiles.Pdf(), category: null)).ReadHtmlAsync();

        page.Errors().ShouldContain("Bitte wählen Sie, was für ein Dokument Sie hochladen.");
        (await factory.DocumentCountAsync(DocumentOwnerKind.Group, group)).ShouldBe(0);
    }

    [Fact]
    public async Task The_page_states_the_limits_and_offers_the_camera_on_a_phone()
    {
        var (group, _, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(DocumentPages.UploadUrl("group", group));

        page.QuerySelector("#Upload-hint")!.TextContent.ShouldContain("höchstens 20 MB");
        page.QuerySelector("#Upload")!.GetAttribute("accept")!.ShouldContain("image/jpeg");
        page.QuerySelectorAll("#Input_Category option").Select(o => o.TextContent).ShouldBe(["Schulungsnachweis", "Erklärung", "Sonstiges"], ignoreOrder: false);
    }

    [Fact]
    public async Task An_open_request_for_the_category_is_fulfilled_by_the_upload()
    {
        var (group, sponsorship, _) = await factory.SponsoringGroupAsync();
        await factory.ExecuteAsync(db => db.DocumentRequests.Add(new DocumentRequest(DocumentOwnerKind.Sponsorship, sponsorship,
            DocumentCategory.RentAccountProof, "Bitte den Nachweis der Einzahlung.", TestHouseholds.Clerk, TestClock.UtcNow)));
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.GetPageAsync($"/Groups/Details/{group}")).QuerySelector("[data-fact=document-requests]")!.TextContent.ShouldContain("Bitte den Nachweis der Einzahlung.");

        (await client.UploadAsync("sponsorship", sponsorship, "Einzahlung.pdf", DocumentFiles.Pdf(), DocumentCategory.RentAccountProof))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.QueryAsync(db => db.DocumentRequests.Where(r => r.OwnerId == sponsorship && r.Category == DocumentCategory.RentAccountProof)
            .Select(r => r.FulfilledAtUtc).SingleAsync())).ShouldNotBeNull();
        (await client.GetPageAsync($"/Groups/Details/{group}")).QuerySelector("[data-fact=document-requests]").ShouldBeNull();
    }

    [Fact]
    public async Task A_mentor_of_another_group_a_municipality_and_an_administrator_get_404_and_store_nothing()
    {
        var (group, sponsorship, household) = await factory.SponsoringGroupAsync();
        var (otherMentor, _) = await factory.SignedInAsNewMentorAsync();
        var callers = new[] { otherMentor, await factory.SignedInAsAsync(Roles.Municipality), await factory.SignedInAsAsync(Roles.Administrator) };
        var mentor = await factory.SignedInAsAsync(Roles.Mentor);
        var before = await factory.QueryAsync(db => db.Documents.CountAsync());

        foreach (var client in callers)
        {
            foreach (var url in new[] { DocumentPages.UploadUrl("group", group), DocumentPages.UploadUrl("sponsorship", sponsorship), DocumentPages.UploadUrl("household", household) })
                (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var token = await client.AntiforgeryTokenAsync();
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("3"), "Input.Category" },
                { new ByteArrayContent(DocumentFiles.Pdf()), "Upload", "x.pdf" } };
            (await client.PostAsync(DocumentPages.UploadUrl("sponsorship", sponsorship), content)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The household's documents are the competence centre's alone, also for the family's own mentors.
        (await mentor.GetAsync(DocumentPages.UploadUrl("household", household))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task The_competence_centre_adds_a_document_to_a_household()
    {
        var (_, _, household) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.UploadAsync("household", household, "Erklärung Familie.pdf", DocumentFiles.Pdf(), DocumentCategory.Declaration);

        response.Location().ShouldBe($"/Households/Details/{household}");
        (await client.GetPageAsync(response.Location())).QuerySelector("[data-fact=documents]")!.TextContent.ShouldContain("Erklärung Familie.pdf");
    }
}

/// <summary>The file limit, met with a small configured limit (1 MB) rather than 20 MB of data.</summary>
public sealed class UploadLimitTests(SmallDocumentLimitFactory factory) : IClassFixture<SmallDocumentLimitFactory>
{
    [Theory]
    [InlineData(1024 * 1024 + 1, HttpStatusCode.OK)]
    [InlineData(2 * 1024 * 1024, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_file_over_the_limit_gets_the_form_with_a_German_message_and_nothing_is_stored(int size, HttpStatusCode status)
    {
        // Just over the limit fits the request's room for the form and is refused by the file's size; twice the
        // limit is refused by the request's length before the form is read.
        var (_, sponsorship, _) = await factory.SponsoringGroupAsync();
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var bytes = DocumentFiles.Pdf();
        Array.Resize(ref bytes, size);

        var response = await client.UploadAsync("sponsorship", sponsorship, "Kontoauszug.pdf", bytes, DocumentCategory.BankStatement);

        response.StatusCode.ShouldBe(status);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldContain("Die Datei ist größer als 1 MB. Bitte verkleinern Sie sie (zum Beispiel als PDF mit geringerer Auflösung) oder teilen Sie sie auf mehrere Dateien auf.");
        page.QuerySelector("#Upload").ShouldNotBeNull("the form is shown again");
        (await factory.QueryAsync(db => db.Documents.CountAsync())).ShouldBe(0);
    }
}
