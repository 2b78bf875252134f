using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class AddressImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Municipalities/AddressImport";
    private const string Header = "AGS;Empfängerzeile;Straße;Postleitzahl;Ort;Funktionspostfach";

    // Demo-free small towns: Schmallenberg and Balve take the good file, Olsberg the refused one.
    private const string Schmallenberg = "05958040", Balve = "05962008", Olsberg = "05958036";

    private Task<Municipality> LoadAsync(string ags) =>
        factory.QueryAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Ags == Ags.Parse(ags)));

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var form = await client.GetPageAsync(Url);
        var token = form.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "anschriften.csv");
        return await client.PostAsync(Url, content);
    }

    [Fact]
    public async Task A_correct_file_sets_every_rows_address()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await UploadAsync(client, $"""
            {Header}
            {Schmallenberg};Stadt Schmallenberg – Der Bürgermeister;Unterm Werth 1;57392;Schmallenberg;zuweisung@schmallenberg.example
            {Balve};;Widukindplatz 1;58802;Balve;

            """);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(response.Location())).MainText().ShouldContain("2 Postanschriften sind gespeichert.");
        var schmallenberg = await LoadAsync(Schmallenberg);
        schmallenberg.AdministrationAddress.ShouldBe(AdministrationAddress.Create("Stadt Schmallenberg – Der Bürgermeister", "Unterm Werth 1", "57392", "Schmallenberg"));
        schmallenberg.FunctionalMailbox.ShouldBe("zuweisung@schmallenberg.example");
        var balve = await LoadAsync(Balve);
        balve.AdministrationAddress!.Addressee.ShouldBeNull();
        balve.FunctionalMailbox.ShouldBeNull();
    }

    [Fact]
    public async Task Errors_are_listed_per_row_in_German_and_nothing_is_saved()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await UploadAsync(client, $"""
            {Header}
            {Olsberg};;Ruhrstraße 32;59939;Olsberg;
            05999999;;Irgendwo 1;12345;Nirgends;
            {Olsberg};;Ruhrstraße 32;5993;Olsberg;kein-postfach
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await response.ReadHtmlAsync()).QuerySelectorAll("#import-errors li").Select(e => e.TextContent.Trim()).ToList();
        errors.ShouldContain("Zeile 3: „05999999“ ist kein Gemeindeschlüssel einer Kommune in Nordrhein-Westfalen.");
        errors.ShouldContain("Zeile 4: Olsberg, Stadt steht mehr als einmal in der Datei.");
        errors.ShouldContain("Zeile 4: Das Funktionspostfach „kein-postfach“ ist keine gültige E-Mail-Adresse.");
        errors.ShouldContain("Zeile 4: Die Postleitzahl muss aus fünf Ziffern bestehen.");
        (await LoadAsync(Olsberg)).AdministrationAddress.ShouldBeNull("the good first row is not saved either");
    }

    [Fact]
    public async Task A_file_without_the_expected_header_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await UploadAsync(client, "Gemeinde,Straße\n05958036,Ruhrstraße 32\n");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError($"Die erste Zeile muss die Spalten {Header.Replace(";", "; ")} nennen (Semikolon getrennt).");
        (await LoadAsync(Olsberg)).AdministrationAddress.ShouldBeNull();
    }
}
