using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NestPortal.Web.Tests.Docs;

/// <summary>
/// The repository's documentation stands alone: every relative link in README.md and docs/ points to
/// a file (and heading) inside the repository, no external link points to an issue tracker, and no
/// document or source file sends the reader to design documents or tracker items outside it.
/// </summary>
public sealed partial class DocumentationLinksTests
{
    private static readonly string Root = FindRepositoryRoot();

    /// <summary>Folders that are generated, vendored or not part of the sources.</summary>
    private static readonly string[] SkippedFolders =
        [".git", "bin", "obj", "node_modules", "artifacts", "App_Data", "TestResults", "BenchmarkDotNet.Artifacts", ".vs", ".idea"];

    /// <summary>Third-party assets copied in as they are published.</summary>
    private static readonly string VendoredAssets = Path.Combine("wwwroot", "lib");

    private static readonly string[] SourceExtensions =
        [".md", ".cs", ".cshtml", ".sh", ".props", ".targets", ".yml", ".yaml", ".csproj", ".resx", ".py", ".js", ".css", ".lua", ".json"];

    [Fact]
    public void Every_relative_link_in_the_documentation_resolves_inside_the_repository()
    {
        var problems = new List<string>();
        foreach (var file in DocumentationFiles())
        {
            foreach (var link in Links(File.ReadAllText(file)))
            {
                if (IsExternal(link)) continue;
                var problem = Check(file, link);
                if (problem is not null) problems.Add($"{Relative(file)}: ({link}) {problem}");
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void External_links_in_the_documentation_do_not_point_to_an_issue_tracker()
    {
        var problems = DocumentationFiles()
            .SelectMany(file => Links(File.ReadAllText(file)).Where(IsExternal).Where(IsIssueTracker).Select(link => $"{Relative(file)}: {link}"))
            .ToList();

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_document_or_source_file_refers_to_design_documents_or_tracker_items_outside_the_repository()
    {
        var problems = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in OutsideReference().Matches(lines[i]))
                    problems.Add($"{Relative(file)}:{i + 1}: \"{match.Value}\"");
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Parliamentary_questions_cited_in_the_code_are_explained_in_the_docs()
    {
        var cited = SourceFiles().Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(f => KleineAnfrage().Matches(File.ReadAllText(f)).Select(m => m.Groups["number"].Value))
            .ToHashSet();
        var docs = string.Join("\n", DocumentationFiles().Select(File.ReadAllText));

        docs.ShouldContain("Kleine Anfrage");
        cited.Where(number => !docs.Contains($"KA {number}", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Source_paths_named_in_the_documentation_exist()
    {
        var problems = new List<string>();
        foreach (var file in DocumentationFiles())
        {
            foreach (Match code in InlineCode().Matches(File.ReadAllText(file)))
            {
                var token = code.Value.Trim('`').Trim();
                if (!SourcePath().IsMatch(token)) continue;
                var path = Path.Combine(Root, ProjectFolder(token));
                if (!File.Exists(path) && !Directory.Exists(path)) problems.Add($"{Relative(file)}: `{token}` does not exist");
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>The docs name a project's files from the project ("Web/Startup/…"); the others from the repository root.</summary>
    private static string ProjectFolder(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        var project = token[..slash];
        return Directory.Exists(Path.Combine(Root, "src", $"NestPortal.{project}")) && !token.StartsWith("src/", StringComparison.Ordinal)
            ? Path.Combine("src", $"NestPortal.{project}", token[(slash + 1)..])
            : token;
    }

    [Theory]
    [InlineData("In the programme", "in-the-programme")]
    [InlineData("Money: the rent account", "money-the-rent-account")]
    [InlineData("Kleine Anfragen (KA 5514 and its successors)", "kleine-anfragen-ka-5514-and-its-successors")]
    [InlineData("`Kommunen` (optional): Sicherer Hafen", "kommunen-optional-sicherer-hafen")]
    [InlineData("Öffentlichkeitsarbeit: Größe & Maße", "öffentlichkeitsarbeit-größe--maße")]
    [InlineData("7. Scaling", "7-scaling")]
    [InlineData("snake_case and kebab-case", "snake_case-and-kebab-case")]
    [InlineData("A [linked](other.md#x) heading", "a-linked-heading")]
    public void Heading_slugs_follow_GitHub(string heading, string slug) => Slug(heading).ShouldBe(slug);

    [Fact]
    public void Repeated_headings_get_numbered_anchors_as_on_GitHub()
    {
        var anchors = Anchors("# Escrow\n\n## Escrow\n\n```\n# not a heading\n```\n\nEscrow\n------\n");
        anchors.ShouldBe(["escrow", "escrow-1", "escrow-2"], ignoreOrder: true);
    }

    /// <summary>Returns what is wrong with a relative link, or null when it resolves.</summary>
    private static string? Check(string file, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) path = path[..query];

        var target = path.Length == 0
            ? file
            : Path.GetFullPath(path.StartsWith('/') ? Path.Combine(Root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(file)!, path));
        if (!IsInside(target, Root)) return "points outside the repository";
        if (!File.Exists(target) && !Directory.Exists(target)) return "no such file or folder";
        if (string.IsNullOrEmpty(anchor)) return null;
        if (!File.Exists(target) || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return "an anchor into a file that is not markdown";
        return Anchors(File.ReadAllText(target)).Contains(anchor) ? null : $"no heading with the anchor #{anchor} in {Relative(target)}";
    }

    /// <summary>The link targets of a markdown text: inline links and images, reference definitions, autolinks; not those in code.</summary>
    private static IEnumerable<string> Links(string markdown)
    {
        var text = InlineCode().Replace(WithoutFencedCode(markdown), "code");
        foreach (Match match in InlineLink().Matches(text)) yield return match.Groups["target"].Value;
        foreach (Match match in ReferenceDefinition().Matches(text)) yield return match.Groups["target"].Value;
        foreach (Match match in AutoLink().Matches(text)) yield return match.Groups["target"].Value;
    }

    /// <summary>The anchors GitHub gives a markdown file's headings (a repeated slug gets -1, -2, …), and explicit HTML anchors.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string heading)
        {
            var slug = Slug(heading);
            var count = counts.GetValueOrDefault(slug);
            counts[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        var lines = WithoutFencedCode(markdown).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (AtxHeading().Match(line) is { Success: true } atx)
                Add(atx.Groups["text"].Value);
            else if (i > 0 && SetextUnderline().IsMatch(line) && IsParagraphLine(lines[i - 1].TrimEnd('\r')))
                Add(lines[i - 1].Trim());
        }

        foreach (Match match in HtmlAnchor().Matches(markdown)) anchors.Add(match.Groups["id"].Value);
        return anchors;
    }

    /// <summary>
    /// GitHub's heading anchor: the heading's text (links reduced to their text), lower case, every
    /// character removed that is not a letter, digit, space, '-' or '_' (letters such as umlauts stay),
    /// each space turned into '-'.
    /// </summary>
    private static string Slug(string heading)
    {
        var text = LinkInHeading().Replace(heading, "${text}").Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ') slug.Append('-');
            else if (c is '-' or '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
                slug.Append(c);
        }

        return slug.ToString();
    }

    private static bool IsParagraphLine(string line) =>
        line.Trim().Length > 0 && !AtxHeading().IsMatch(line) && !ParagraphInterrupter().IsMatch(line);

    /// <summary>Blanks the lines of fenced code blocks (``` or ~~~), keeping the line count.</summary>
    private static string WithoutFencedCode(string markdown)
    {
        var lines = markdown.Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                lines[i] = string.Empty;
            }
            else if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsExternal(string link) => UriScheme().IsMatch(link) || link.StartsWith("//", StringComparison.Ordinal);

    private static bool IsIssueTracker(string link) => GitHubIssueTracker().IsMatch(link);

    private static IEnumerable<string> DocumentationFiles()
    {
        yield return Path.Combine(Root, "README.md");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return file;
    }

    /// <summary>Every markdown and source file of the repository, without build output and vendored assets.</summary>
    private static IEnumerable<string> SourceFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase) && !sub.EndsWith(VendoredAssets, StringComparison.Ordinal))
                    pending.Push(sub);
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (SourceExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) || name is "Dockerfile" or "run")
                    yield return file;
            }
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NestPortal.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No NestPortal.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A path into the old shared design folder, or a numbered tracker item (the word "issue" followed by a number).</summary>
    [GeneratedRegex(@"\.\./shared\b|\bshared[/\\]design\b|\bissues?\s*#?\s*\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();

    /// <summary>A file or folder path in backticks, such as `Web/Startup/ServiceRegistration.cs` or `docs/import.md`: no spaces, wildcards or placeholders.</summary>
    [GeneratedRegex(@"^(?:src|tests|docs|scripts|benchmarks|Web|Domain|Data|Development|Data\.Migrations\.Sqlite|Data\.Migrations\.SqlServer)/[\w./\-]*(?:\.(?:cs|cshtml|md|sh|csv|json|xlsx|csproj|resx|yml)|/)$")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"\bKA\s+(?<number>\d{1,5})\b")]
    private static partial Regex KleineAnfrage();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<(?<target>[^>]*)>|(?<target>[^\s()]+(?:\([^\s()]*\)[^\s()]*)*))(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(?<target>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?<target>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex("(`+)[^`]+?\\1")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    /// <summary>Lines that are not paragraph text: lists, quotes, tables, rules, HTML blocks.</summary>
    [GeneratedRegex(@"^\s*(?:[-*+>|<]|\d+[.)]\s|={3,}|-{3,})")]
    private static partial Regex ParagraphInterrupter();

    [GeneratedRegex(@"<a\s+(?:name|id)=""(?<id>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAnchor();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkInHeading();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"^https?://(?:www\.)?github\.com/[^/]+/[^/]+/(?:issues|pulls?|discussions)(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubIssueTracker();
}
