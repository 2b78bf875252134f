namespace NestPortal.Web.Letters;

/// <summary>
/// The fixed texts of the portal's letters (configuration section <c>Letters</c>): the German defaults are
/// in appsettings.json, not here, so the competence centre changes a wording by configuration, never by a
/// release. The sender is the <c>Operator</c> section. Placeholders in braces are filled per letter:
/// <c>{Kommune}</c>, <c>{AGS}</c>, <c>{WirksamAb}</c>, <c>{Datum}</c>, <c>{Aktenzeichen}</c>.
/// </summary>
public sealed class LetterOptions
{
    public const string Section = "Letters";

    public DecisionTexts Decision { get; set; } = new();

    public GroupNoticeTexts GroupNotice { get; set; } = new();

    public StatementTexts Statement { get; set; } = new();

    /// <summary>The escrow statement's texts; placeholders {Kontoinhaber}, {IBAN}, {Datum}; the shortfall line {Betrag}.</summary>
    public sealed class StatementTexts
    {
        public string Title { get; set; } = string.Empty;
        public string Intro { get; set; } = string.Empty;
        public string Shortfall { get; set; } = string.Empty;
    }

    /// <summary>The texts of the review notices to a group; placeholders {Gruppe}, {Datum}.</summary>
    public sealed class GroupNoticeTexts
    {
        public string ApprovalTitle { get; set; } = string.Empty;
        public string ApprovalText { get; set; } = string.Empty;
        public string ReturnTitle { get; set; } = string.Empty;
        public string ReturnText { get; set; } = string.Empty;
        public string RemarksHeading { get; set; } = string.Empty;
        public string Salutation { get; set; } = string.Empty;
    }

    /// <summary>The texts of the Zuweisungsentscheidung.</summary>
    public sealed class DecisionTexts
    {
        public string Title { get; set; } = string.Empty;
        public string Salutation { get; set; } = string.Empty;

        /// <summary>The decision itself; placeholders {Kommune}, {AGS}, {WirksamAb}.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>Said when the decision replaces an earlier one; placeholders {Datum}, {Aktenzeichen}.</summary>
        public string Replaces { get; set; } = string.Empty;

        public string PersonsHeading { get; set; } = string.Empty;
        public string LegalBasisHeading { get; set; } = string.Empty;
        public string RemedyHeading { get; set; } = string.Empty;

        /// <summary>The Rechtsbehelfsbelehrung; paragraphs separated by blank lines.</summary>
        public string Remedy { get; set; } = string.Empty;

        public string Closing { get; set; } = string.Empty;

        /// <summary>The line above the clerk's name ("Im Auftrag").</summary>
        public string SignatureIntro { get; set; } = string.Empty;
    }

    /// <summary>Fills a text's placeholders; an unknown placeholder stays as written, so a typo shows in the letter's proof, not as an error.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Refuses to start with a text missing: a decision letter without its Rechtsbehelfsbelehrung must not go out.</summary>
    public static IEnumerable<string> Missing(LetterOptions options)
    {
        var d = options.Decision;
        var texts = new Dictionary<string, string>
        {
            [nameof(d.Title)] = d.Title, [nameof(d.Salutation)] = d.Salutation, [nameof(d.Text)] = d.Text, [nameof(d.Replaces)] = d.Replaces,
            [nameof(d.PersonsHeading)] = d.PersonsHeading, [nameof(d.LegalBasisHeading)] = d.LegalBasisHeading,
            [nameof(d.RemedyHeading)] = d.RemedyHeading, [nameof(d.Remedy)] = d.Remedy, [nameof(d.Closing)] = d.Closing,
            [nameof(d.SignatureIntro)] = d.SignatureIntro,
        };
        var g = options.GroupNotice;
        var notices = new Dictionary<string, string>
        {
            [nameof(g.ApprovalTitle)] = g.ApprovalTitle, [nameof(g.ApprovalText)] = g.ApprovalText, [nameof(g.ReturnTitle)] = g.ReturnTitle,
            [nameof(g.ReturnText)] = g.ReturnText, [nameof(g.RemarksHeading)] = g.RemarksHeading, [nameof(g.Salutation)] = g.Salutation,
        };
        var st = options.Statement;
        var statement = new Dictionary<string, string> { [nameof(st.Title)] = st.Title, [nameof(st.Intro)] = st.Intro, [nameof(st.Shortfall)] = st.Shortfall };
        return texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{Section}:Decision:{t.Key}")
            .Concat(notices.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{Section}:GroupNotice:{t.Key}"))
            .Concat(statement.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"{Section}:Statement:{t.Key}"));
    }
}
