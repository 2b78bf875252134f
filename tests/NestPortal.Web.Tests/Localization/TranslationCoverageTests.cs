namespace NestPortal.Web.Tests.Localization;

/// <summary>
/// The German texts are the keys; a key without an English entry silently shows German to English
/// readers. These tests keep Resources/SharedResource.en.resx and the sources in step.
/// </summary>
public sealed class TranslationCoverageTests
{
    private static readonly string Root = LocalizationKeys.FindRepositoryRoot();
    private static readonly LocalizationKeySet Found = LocalizationKeys.Extract(Root);
    private static readonly IReadOnlyDictionary<string, string> English =
        LocalizationKeys.ReadResx(Path.Combine(Root, LocalizationKeys.EnglishResourceFile));

    [Fact]
    public void The_extractor_finds_the_keys_of_views_page_models_and_domain_errors()
    {
        // A guard against an extractor that silently finds nothing: one key of each kind.
        Found.Keys.ShouldContainKey("Anmelden");
        Found.Keys.ShouldContainKey("E-Mail-Adresse oder Passwort ist falsch.");
        Found.Keys.ShouldContainKey("Die Gruppe hat {0} Mitglieder; nach den Regeln „{1}“ braucht sie mindestens {2}.");
        Found.Keys.ShouldContainKey("Nur eingereichte Gruppen können freigegeben werden."); // through EnsureStatus(...)
        Found.Keys.ShouldContainKey("Über den folgenden Link können Sie ein neues Passwort festlegen.");
    }

    [Fact]
    public void Every_lookup_has_a_literal_key_or_translates_a_domain_error_template()
    {
        // L[error.Template, error.Arguments] is covered by the templates collected from the domain;
        // any other key the extractor cannot read could be missing from the English file unnoticed.
        var unreadable = Found.Unreadable
            .Where(u => !(u.Reason == UnreadableReason.Expression && u.Code.EndsWith(".Template", StringComparison.Ordinal)))
            .ToList();

        unreadable.ShouldBeEmpty("Lookups whose key is not a plain string literal:\n" + string.Join("\n", unreadable));
    }

    [Fact]
    public void Every_key_has_an_English_translation()
    {
        var missing = Found.Keys.Where(k => !English.ContainsKey(k.Key))
            .Select(k => $"\"{k.Key}\" ({string.Join(", ", k.Value)})").ToList();

        missing.ShouldBeEmpty($"{missing.Count} key(s) have no entry in {LocalizationKeys.EnglishResourceFile}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_English_entry_is_used()
    {
        var unused = English.Keys.Where(k => !Found.Keys.ContainsKey(k)).Select(k => $"\"{k}\"").ToList();

        unused.ShouldBeEmpty($"{unused.Count} entry(ies) in {LocalizationKeys.EnglishResourceFile} match no key in the sources:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // The resource compiler treats such keys as one and drops the second with only a warning;
        // the dropped key then shows German on English pages.
        English.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_English_entry_has_a_text()
    {
        var empty = English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"\"{e.Key}\"").ToList();

        empty.ShouldBeEmpty("English entries without a text:\n" + string.Join("\n", empty));
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_the_German_text()
    {
        var mismatched = English
            .Select(e => (German: e.Key, English: e.Value,
                Expected: LocalizationKeys.PlaceholderIndexes(e.Key), Actual: LocalizationKeys.PlaceholderIndexes(e.Value)))
            .Where(e => !e.Expected.SetEquals(e.Actual))
            .Select(e => $"\"{e.German}\" has {{{string.Join(", ", e.Expected.Order())}}}, \"{e.English}\" has {{{string.Join(", ", e.Actual.Order())}}}")
            .ToList();

        mismatched.ShouldBeEmpty("Placeholders differ:\n" + string.Join("\n", mismatched));
    }

    [Fact]
    public void Translations_are_valid_format_strings()
    {
        // A stray brace in an English text would throw at runtime when the arguments are filled in.
        var broken = new List<string>();
        foreach (var (german, english) in English)
        {
            var arguments = Enumerable.Repeat<object>(new DateOnly(2025, 1, 31), 10).ToArray();
            try
            {
                _ = string.Format(System.Globalization.CultureInfo.GetCultureInfo("en"), english, arguments);
            }
            catch (FormatException exception)
            {
                broken.Add($"\"{german}\" → \"{english}\": {exception.Message}");
            }
        }

        broken.ShouldBeEmpty("English texts that are not valid format strings:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_extractor_reads_keys_as_the_runtime_sees_them()
    {
        const string code = """
            // L["in a comment"] is no key
            /* nor L["in a block comment"] */
            public sealed class Sample(IStringLocalizer<SharedResource> l)
            {
                private string Quote => "L[\"in a string\"]";
                private char Q => '"';
                public string A => l["Klicken Sie <a href=\"{0}\">hier</a>.", "x"];
                public string B => l[ "Der Wert „{0}“ ist ungültig.\tTab" , 1];
                public string C => $"{l["Im Loch"]} und {Q}";
                public string D => l[@"verbatim"];
                public string E => l["Teil" + "zwei"];
                public string F => l[name];
            }
            """;
        const string view = """
            @* @L["in a Razor comment"] *@
            <h1>@L["Anmelden"]</h1>
            <field label="@L["E-Mail-Adresse"]" hint="@L["Sagen Sie \"Hallo\"", Model.Name]" />
            <p>@L[$"interpoliert {x}"]</p>
            """;
        const string domain = """
            public sealed class Group
            {
                public void Approve() { EnsureStatus(GroupStatus.Submitted, "Nur eingereichte Gruppen."); }
                public void Check()
                {
                    var errors = new List<DomainError>();
                    errors.Add(new DomainError("Fehler {0:dd.MM.yyyy}", date));
                    if (errors.Count > 0) throw new DomainException(errors);
                    throw new DomainException("Ausnahme \"{0}\"", 1);
                }
                private void EnsureStatus(GroupStatus expected, string message)
                {
                    if (Status != expected) throw new DomainException(message);
                }
            }
            """;

        var found = LocalizationKeys.Extract(
            [new SourceFile("Sample.cs", code), new SourceFile("Sample.cshtml", view)],
            [new SourceFile("Group.cs", domain)]);

        found.Keys.Keys.Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "Anmelden",
            "Ausnahme \"{0}\"",
            "Der Wert „{0}“ ist ungültig.\tTab",
            "E-Mail-Adresse",
            "Fehler {0:dd.MM.yyyy}",
            "Im Loch",
            "Klicken Sie <a href=\"{0}\">hier</a>.",
            "Nur eingereichte Gruppen.",
            "Sagen Sie \"Hallo\"",
        }.Order(StringComparer.Ordinal), ignoreOrder: false);
        found.Unreadable.Select(u => (u.Code, u.Reason)).ShouldBe(new[]
        {
            ("@\"verbatim\"", UnreadableReason.UnsupportedLiteral),
            ("\"Teil\" + \"zwei\"", UnreadableReason.NotALiteralAlone),
            ("name", UnreadableReason.Expression),
            ("$\"interpoliert {x}\"", UnreadableReason.UnsupportedLiteral),
        }, ignoreOrder: true);
        found.Keys["Sagen Sie \"Hallo\""].ShouldHaveSingleItem().ShouldBe(new SourceLocation("Sample.cshtml", 3));
    }

    [Theory]
    [InlineData("Ohne Platzhalter", new int[0])]
    [InlineData("{0} ist am {1:dd.MM.yyyy} noch nicht volljährig.", new[] { 0, 1 })]
    [InlineData("Seite {0} von {1} ({2} Einträge)", new[] { 0, 1, 2 })]
    [InlineData("{{0}} ist kein Platzhalter, {3,-5} schon", new[] { 3 })]
    public void Placeholders_are_read_with_their_format(string text, int[] expected)
    {
        LocalizationKeys.PlaceholderIndexes(text).Order().ShouldBe(expected);
    }
}
