using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NestPortal.Web.Tests.Localization;

/// <summary>A place in the sources, relative to the repository root, for failure messages.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

public enum UnreadableReason
{
    /// <summary>The key is an expression (a variable, a property), not a string literal.</summary>
    Expression,

    /// <summary>A verbatim (@"..."), interpolated ($"...") or raw ("""...""") string: not used as keys here.</summary>
    UnsupportedLiteral,

    /// <summary>A literal followed by more code, for example a concatenation.</summary>
    NotALiteralAlone,
}

/// <summary>A lookup whose key the extractor cannot read from the source.</summary>
public sealed record UnreadableLookup(SourceLocation Location, string Code, UnreadableReason Reason)
{
    public override string ToString() => $"{Location}: {Code} ({Reason})";
}

/// <summary>Every key found, each with the places that use it, and the lookups that could not be read.</summary>
public sealed record LocalizationKeySet(
    IReadOnlyDictionary<string, IReadOnlyList<SourceLocation>> Keys,
    IReadOnlyList<UnreadableLookup> Unreadable);

/// <summary>
/// Collects the localisation keys from the sources, the German texts the portal shows:
/// <list type="bullet">
/// <item>the first argument of every <c>L[...]</c>, <c>l[...]</c> (and <c>localizer[...]</c>) lookup in
/// src/NestPortal.Web (*.cs and *.cshtml; in Razor the key is a C# literal too);</item>
/// <item>the singular and plural texts of every <c>L.Count(n, "...", "...")</c> (a count with its noun);</item>
/// <item>the template of every <c>new DomainError(...)</c> and <c>new DomainException(...)</c> in
/// src/NestPortal.Domain, which the web layer translates with <c>localizer[error.Template, error.Arguments]</c>,
/// including templates handed through a helper (<c>EnsureStatus(status, "German text")</c> that ends in
/// <c>throw new DomainException(message)</c>).</item>
/// </list>
/// Keys are returned as the runtime sees them: C# escape sequences are resolved. Comments (C# comments in
/// .cs, Razor comments in .cshtml) are ignored. Anything that is not a plain string literal is reported in
/// <see cref="LocalizationKeySet.Unreadable"/>, so a key cannot slip past the coverage test unnoticed.
/// </summary>
public static partial class LocalizationKeys
{
    public const string WebFolder = "src/NestPortal.Web";
    public const string DomainFolder = "src/NestPortal.Domain";
    public const string EnglishResourceFile = "src/NestPortal.Web/Resources/SharedResource.en.resx";

    private static readonly string[] SkippedFolders = ["bin", "obj", "wwwroot", "node_modules"];

    /// <summary>The folder holding NestPortal.sln, found by walking up from the test's output folder.</summary>
    public static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NestPortal.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No NestPortal.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Scans src/NestPortal.Web (*.cs, *.cshtml) and src/NestPortal.Domain (*.cs) below <paramref name="repositoryRoot"/>.</summary>
    public static LocalizationKeySet Extract(string repositoryRoot)
    {
        IEnumerable<SourceFile> Read(string folder, params string[] patterns) =>
            patterns.SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(repositoryRoot, folder), pattern, SearchOption.AllDirectories))
                .Where(path => !Path.GetRelativePath(repositoryRoot, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                    .Any(part => SkippedFolders.Contains(part, StringComparer.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal)
                .Select(path => new SourceFile(Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'), File.ReadAllText(path)));

        return Extract(Read(WebFolder, "*.cs", "*.cshtml").ToList(), Read(DomainFolder, "*.cs").ToList());
    }

    /// <summary>The same from sources in memory (used by the extractor's own tests).</summary>
    public static LocalizationKeySet Extract(IReadOnlyList<SourceFile> webFiles, IReadOnlyList<SourceFile> domainFiles)
    {
        var collector = new Collector();
        foreach (var file in webFiles)
        {
            if (file.Path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase)) CollectRazorLookups(file, collector);
            else CollectCSharpLookups(file, collector);
        }

        CollectDomainTemplates(domainFiles, collector);
        return collector.ToKeySet();
    }

    /// <summary>The argument indexes of the composite-format placeholders: "{0} am {1:dd.MM.yyyy}" gives {0, 1}.</summary>
    public static IReadOnlySet<int> PlaceholderIndexes(string text) =>
        Placeholder().Matches(text).Where(m => m.Groups["index"].Success)
            .Select(m => int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The entries of the English resource file, German key to English text.</summary>
    public static IReadOnlyDictionary<string, string> ReadResx(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name") ?? throw new InvalidDataException($"{path}: a <data> entry without a name.");
            if (!entries.TryAdd(name, (string?)data.Element("value") ?? string.Empty))
                throw new InvalidDataException($"{path}: the key \"{name}\" appears twice.");
        }

        return entries;
    }

    // --- web: L["..."] lookups --------------------------------------------------------------------------

    private static void CollectCSharpLookups(SourceFile file, Collector collector)
    {
        var source = CSharpSource.Parse(file.Text);
        foreach (Match lookup in Lookup().Matches(source.Code))
        {
            // Inside an interpolated string the lookup may sit in a hole ({L["..."]}): read it like code.
            if (source.EnclosingLiteral(lookup.Index) is { Kind: not LiteralKind.Interpolated }) continue;
            ReadLookupKey(file, source, lookup.Index + lookup.Length, lookup.Index, collector);
        }

        foreach (Match count in CountLookup().Matches(source.Code))
        {
            if (source.EnclosingLiteral(count.Index) is { Kind: not LiteralKind.Interpolated }) continue;
            ReadCountKeys(file, source, count.Index + count.Length, count.Index, collector);
        }

        // [Display(Name = "...")] is localised by MVC's data-annotations localisation with the same resource.
        foreach (Match display in DisplayName().Matches(source.Code))
        {
            var literalStart = display.Index + display.Length;
            var end = source.Code.IndexOf(')', literalStart);
            ReadKeyArgument(file, source, literalStart..end, display.Index, collector);
        }
    }

    [GeneratedRegex(@"\[Display\(Name\s*=\s*")]
    private static partial Regex DisplayName();

    private static void CollectRazorLookups(SourceFile file, Collector collector)
    {
        // Razor comments are not rendered; everything else may hold C#, in markup, attributes or code blocks.
        var text = RazorComment().Replace(file.Text, m => Blank(m.Value));
        // Markup is not C#: no comments are blanked and literals are recognised only where a lookup's
        // arguments are read (a quote in the markup must not start a "string").
        var source = CSharpSource.Unparsed(text);
        foreach (Match lookup in Lookup().Matches(text))
            ReadLookupKey(file, source, lookup.Index + lookup.Length, lookup.Index, collector);
        foreach (Match count in CountLookup().Matches(text))
            ReadCountKeys(file, source, count.Index + count.Length, count.Index, collector);
    }

    /// <summary>L.Count(n, "one", "many", ...): both texts are keys (Texts/Counts.cs).</summary>
    private static void ReadCountKeys(SourceFile file, CSharpSource source, int position, int lookupStart, Collector collector)
    {
        var arguments = source.SplitArguments(position, ')');
        if (arguments.Count < 3)
        {
            collector.Unreadable(file, source, lookupStart, UnreadableReason.Expression);
            return;
        }

        ReadKeyArgument(file, source, arguments[1], lookupStart, collector);
        ReadKeyArgument(file, source, arguments[2], lookupStart, collector);
    }

    /// <summary>Reads the first argument of a lookup whose '[' ends just before <paramref name="position"/>.</summary>
    private static void ReadLookupKey(SourceFile file, CSharpSource source, int position, int lookupStart, Collector collector)
    {
        var arguments = source.SplitArguments(position, ']');
        if (arguments.Count == 0)
        {
            collector.Unreadable(file, source, lookupStart, UnreadableReason.Expression);
            return;
        }

        ReadKeyArgument(file, source, arguments[0], lookupStart, collector);
    }

    /// <summary>Adds the argument as a key if it is one plain string literal, else reports it.</summary>
    private static void ReadKeyArgument(SourceFile file, CSharpSource source, Range argument, int reportAt, Collector collector)
    {
        var (start, end) = Trim(source.Code, argument);
        if (source.LiteralAt(start) is not { } literal)
        {
            collector.Unreadable(file, source, reportAt, UnreadableReason.Expression, source.Code[start..end]);
        }
        else if (literal.Kind != LiteralKind.Regular)
        {
            collector.Unreadable(file, source, reportAt, UnreadableReason.UnsupportedLiteral, source.Code[start..end]);
        }
        else if (literal.End != end)
        {
            collector.Unreadable(file, source, reportAt, UnreadableReason.NotALiteralAlone, source.Code[start..end]);
        }
        else
        {
            collector.Key(Decode(source.Code, literal), file, source.LineOf(start));
        }
    }

    // --- domain: new DomainError("..."), new DomainException("...") ------------------------------------

    private static void CollectDomainTemplates(IReadOnlyList<SourceFile> files, Collector collector)
    {
        var sources = files.Select(f => (File: f, Source: CSharpSource.Parse(f.Text))).ToList();
        var forwarders = new List<(string Method, int Index, string File, int DeclarationAt)>();

        foreach (var (file, source) in sources)
        {
            foreach (Match creation in DomainErrorCreation().Matches(source.Code))
            {
                if (source.IsInsideLiteral(creation.Index)) continue;
                var arguments = source.SplitArguments(creation.Index + creation.Length, ')');
                if (arguments.Count == 0) continue;
                var (start, end) = Trim(source.Code, arguments[0]);
                if (source.LiteralAt(start) is not null)
                {
                    ReadKeyArgument(file, source, arguments[0], creation.Index, collector);
                    continue;
                }

                var expression = source.Code[start..end];
                var member = EnclosingDeclaration(source.Code, creation.Index);
                if (member is { Name: "DomainError" or "DomainException" })
                    continue; // the types' own constructors passing the template on
                if (IsListOfErrors(source.Code, creation.Index, expression, member, sources.Select(s => s.Source.Code)))
                    continue; // new DomainException(errors): each error is a new DomainError(...) of its own
                if (member is not null && Identifier().IsMatch(expression)
                    && member.StringParameters.TryGetValue(expression, out var index))
                {
                    forwarders.Add((member.Name, index, file.Path, member.Position));
                    continue;
                }

                collector.Unreadable(file, source, creation.Index, UnreadableReason.Expression, expression);
            }
        }

        // A helper that throws new DomainException(message) for a string parameter: its callers hold the templates.
        foreach (var (method, index, declarationFile, declarationAt) in forwarders.Distinct())
        {
            foreach (var (file, source) in sources)
            {
                foreach (Match call in new Regex($@"(?<![\w.]){Regex.Escape(method)}\s*\(").Matches(source.Code))
                {
                    if (source.IsInsideLiteral(call.Index) || (file.Path == declarationFile && call.Index == declarationAt)) continue;
                    var arguments = source.SplitArguments(call.Index + call.Length, ')');
                    if (arguments.Count <= index)
                    {
                        collector.Unreadable(file, source, call.Index, UnreadableReason.Expression);
                        continue;
                    }

                    ReadKeyArgument(file, source, arguments[index], call.Index, collector);
                }
            }
        }
    }

    private sealed record Declaration(string Name, int Position, IReadOnlyDictionary<string, int> StringParameters, string Parameters);

    /// <summary>The nearest method or constructor declaration before <paramref name="position"/>.</summary>
    private static Declaration? EnclosingDeclaration(string code, int position)
    {
        Declaration? nearest = null;
        foreach (Match match in MemberDeclaration().Matches(code[..position]))
        {
            if (Keywords.Contains(match.Groups["name"].Value)) continue;
            var parameters = match.Groups["parameters"].Value;
            var parts = parameters.Trim().Length == 0 ? [] : SplitTopLevel(parameters);
            if (!parts.All(p => ParameterDeclaration().IsMatch(p))) continue;

            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < parts.Count; i++)
            {
                var parameter = ParameterDeclaration().Match(parts[i]);
                if (parameter.Groups["type"].Value.Trim() is "string" or "string?") strings[parameter.Groups["name"].Value] = i;
            }

            nearest = new Declaration(match.Groups["name"].Value, match.Index, strings, parameters);
        }

        return nearest;
    }

    /// <summary>
    /// new DomainException(errors) with errors a parameter of type ...&lt;DomainError&gt;, or a local set in the
    /// same member to a new List&lt;DomainError&gt; or to the result of a method returning ...&lt;DomainError&gt;.
    /// </summary>
    private static bool IsListOfErrors(string code, int position, string expression, Declaration? member, IEnumerable<string> allCode)
    {
        if (member is null || !Identifier().IsMatch(expression)) return false;
        var name = Regex.Escape(expression);
        if (new Regex($@"<\s*DomainError\s*>\s+{name}\b").IsMatch(member.Parameters)) return true;

        var body = code[member.Position..position];
        if (new Regex($@"\b{name}\s*=\s*new\s+List<DomainError>").IsMatch(body)) return true;
        var assignment = new Regex($@"\b{name}\s*=\s*(?<method>\w+)\s*\(").Match(body);
        return assignment.Success && allCode.Any(other =>
            new Regex($@"\b(?:IReadOnlyList|IReadOnlyCollection|IList|List|IEnumerable)<DomainError>\s+{assignment.Groups["method"].Value}\s*\(").IsMatch(other));
    }

    private static readonly HashSet<string> Keywords =
        ["if", "for", "foreach", "while", "switch", "catch", "using", "lock", "fixed", "return", "nameof", "when", "typeof", "sizeof", "default", "new", "throw", "await"];

    // --- C# literals ---------------------------------------------------------------------------------

    private enum LiteralKind { Regular, Verbatim, Interpolated, Raw, Character }

    private sealed record Literal(int Start, int End, LiteralKind Kind);

    /// <summary>
    /// The code with comments blanked (so positions and line numbers stay the same) and the spans of its
    /// top-level literals.
    /// </summary>
    private sealed class CSharpSource
    {
        private readonly Dictionary<int, Literal> _literalsByStart = [];
        private readonly List<Literal> _literals = [];
        private readonly List<int> _lineStarts = [0];

        public string Code { get; }

        private CSharpSource(string code)
        {
            Code = code;
            for (var i = 0; i < code.Length; i++)
                if (code[i] == '\n') _lineStarts.Add(i + 1);
        }

        public static CSharpSource Parse(string text)
        {
            var code = new StringBuilder(text);
            var literals = new List<Literal>();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '/' && At(text, i + 1) == '/')
                {
                    while (i < text.Length && text[i] != '\n') code[i++] = ' ';
                }
                else if (text[i] == '/' && At(text, i + 1) == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end + 2;
                    for (; i < end; i++)
                        if (text[i] != '\n' && text[i] != '\r') code[i] = ' ';
                }
                else if (LiteralStartsAt(text, i))
                {
                    var literal = SkipLiteral(text, i);
                    literals.Add(literal);
                    i = literal.End;
                }
                else
                {
                    i++;
                }
            }

            var source = new CSharpSource(code.ToString());
            source.Add(literals);
            return source;
        }

        /// <summary>For Razor: the text as it is; <see cref="LiteralAt"/> recognises literals where it is asked.</summary>
        public static CSharpSource Unparsed(string text) => new(text);

        private void Add(IEnumerable<Literal> literals)
        {
            foreach (var literal in literals)
            {
                _literals.Add(literal);
                _literalsByStart[literal.Start] = literal;
            }
        }

        public int LineOf(int position)
        {
            var index = _lineStarts.BinarySearch(position);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        public bool IsInsideLiteral(int position) => EnclosingLiteral(position) is not null;

        public Literal? EnclosingLiteral(int position)
        {
            var index = _literals.BinarySearch(new Literal(position, position, LiteralKind.Regular),
                Comparer<Literal>.Create((a, b) => a.Start.CompareTo(b.Start)));
            var candidate = index >= 0 ? index : ~index - 1;
            return candidate >= 0 && _literals[candidate].Start < position && position < _literals[candidate].End
                ? _literals[candidate]
                : null;
        }

        public Literal? LiteralAt(int position)
        {
            if (_literalsByStart.TryGetValue(position, out var known)) return known;
            return position < Code.Length && LiteralStartsAt(Code, position) ? SkipLiteral(Code, position) : null;
        }

        /// <summary>
        /// The top-level arguments from <paramref name="position"/> (just after '[' or '(') up to the matching
        /// <paramref name="close"/>; literals and nested brackets are stepped over.
        /// </summary>
        public List<Range> SplitArguments(int position, char close)
        {
            var arguments = new List<Range>();
            var depth = 0;
            var start = position;
            for (var i = position; i < Code.Length;)
            {
                var c = Code[i];
                if (LiteralAt(i) is { } literal)
                {
                    i = literal.End;
                    continue;
                }

                if (c is '(' or '[' or '{') depth++;
                else if (depth > 0 && c is ')' or ']' or '}') depth--;
                else if (depth == 0 && c == ',')
                {
                    arguments.Add(start..i);
                    start = i + 1;
                }
                else if (depth == 0 && c == close)
                {
                    if (Code[start..i].Trim().Length > 0 || arguments.Count > 0) arguments.Add(start..i);
                    return arguments;
                }

                i++;
            }

            return arguments;
        }
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>A string (regular, verbatim, interpolated, raw) or character literal begins here.</summary>
    private static bool LiteralStartsAt(string text, int i)
    {
        if (text[i] is '"' or '\'') return i == 0 || text[i - 1] is not ('$' or '@');
        if (text[i] is not ('$' or '@')) return false;
        if (i > 0 && (text[i - 1] is '$' or '@' || IsIdentifierPart(text[i - 1]))) return false;
        var j = i;
        while (j < text.Length && text[j] is '$' or '@') j++;
        return At(text, j) == '"';
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static Literal SkipLiteral(string text, int start)
    {
        if (text[start] == '\'')
        {
            var k = start + 1;
            while (k < text.Length && text[k] != '\'' && text[k] != '\n') k += text[k] == '\\' ? 2 : 1;
            return new Literal(start, Math.Min(k + 1, text.Length), LiteralKind.Character);
        }

        var j = start;
        var dollars = 0;
        var verbatim = false;
        for (; text[j] is '$' or '@'; j++)
        {
            if (text[j] == '$') dollars++;
            else verbatim = true;
        }

        var quotes = 0;
        while (At(text, j + quotes) == '"') quotes++;
        if (quotes >= 3)
        {
            var delimiter = new string('"', quotes);
            var close = text.IndexOf(delimiter, j + quotes, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + quotes;
            while (At(text, end) == '"') end++; // a raw string may end in quotes of its own
            return new Literal(start, end, LiteralKind.Raw);
        }

        var kind = dollars > 0 ? LiteralKind.Interpolated : verbatim ? LiteralKind.Verbatim : LiteralKind.Regular;
        var i = j + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (verbatim && c == '"')
            {
                if (At(text, i + 1) == '"')
                {
                    i += 2;
                    continue;
                }

                return new Literal(start, i + 1, kind);
            }

            if (!verbatim && c == '\\')
            {
                i += 2;
                continue;
            }

            if (!verbatim && c == '"') return new Literal(start, i + 1, kind);
            if (!verbatim && c == '\n') return new Literal(start, i, kind); // unterminated; stop at the line end
            if (dollars > 0 && c == '{')
            {
                if (At(text, i + 1) == '{')
                {
                    i += 2;
                    continue;
                }

                i = SkipInterpolationHole(text, i + 1);
                continue;
            }

            i++;
        }

        return new Literal(start, text.Length, kind);
    }

    /// <summary>Steps over "expression[,alignment][:format]}" inside an interpolated string.</summary>
    private static int SkipInterpolationHole(string text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            if (LiteralStartsAt(text, i))
            {
                i = SkipLiteral(text, i).End;
                continue;
            }

            var c = text[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '}')
            {
                if (depth == 0) return i + 1;
                depth--;
            }

            i++;
        }

        return i;
    }

    /// <summary>The value of a regular string literal, with its escape sequences resolved.</summary>
    private static string Decode(string code, Literal literal)
    {
        var value = new StringBuilder();
        for (var i = literal.Start + 1; i < literal.End - 1; i++)
        {
            if (code[i] != '\\')
            {
                value.Append(code[i]);
                continue;
            }

            var escape = code[++i];
            switch (escape)
            {
                case '\'' or '"' or '\\': value.Append(escape); break;
                case '0': value.Append('\0'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'e': value.Append('\u001b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'v': value.Append('\v'); break;
                case 'u':
                    value.Append((char)int.Parse(code.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'U':
                    value.Append(char.ConvertFromUtf32(int.Parse(code.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 8;
                    break;
                case 'x':
                    var digits = 0;
                    while (digits < 4 && Uri.IsHexDigit(code[i + 1 + digits])) digits++;
                    value.Append((char)int.Parse(code.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += digits;
                    break;
                default:
                    throw new FormatException($"Unknown escape sequence \\{escape} in {code[literal.Start..literal.End]}");
            }
        }

        return value.ToString();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static (int Start, int End) Trim(string code, Range range)
    {
        var (start, end) = (range.Start.Value, range.End.Value);
        while (start < end && char.IsWhiteSpace(code[start])) start++;
        while (end > start && char.IsWhiteSpace(code[end - 1])) end--;
        return (start, end);
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '<' or '(' or '[') depth++;
            else if (text[i] is '>' or ')' or ']') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static string Blank(string text) => new(text.Select(c => c is '\n' or '\r' ? c : ' ').ToArray());

    /// <summary>A localizer lookup: L[, l[ or localizer[ (not a member of something else, like list.l[).</summary>
    [GeneratedRegex(@"(?<![\w.])(?:this\s*\.\s*)?(?:L|l|localizer)\s*\[")]
    private static partial Regex Lookup();

    /// <summary>A count with its noun: L.Count(, l.Count( or localizer.Count(.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:L|l|localizer)\s*\.\s*Count\s*\(")]
    private static partial Regex CountLookup();

    [GeneratedRegex(@"\bnew\s+Domain(?:Error|Exception)\s*\(")]
    private static partial Regex DomainErrorCreation();

    [GeneratedRegex(@"(?<name>\w+)\s*\((?<parameters>[^()]*)\)\s*(?:\{|=>|:\s*(?:this|base)\s*\(|where\b)")]
    private static partial Regex MemberDeclaration();

    [GeneratedRegex(@"^\s*(?:(?:this|params|ref|out|in|scoped)\s+)*(?<type>[\w.]+(?:<[\w\s,.<>?\[\]]*>)?(?:\[\s*\])?\??)\s+(?<name>\w+)(?:\s*=\s*.+)?\s*$", RegexOptions.Singleline)]
    private static partial Regex ParameterDeclaration();

    [GeneratedRegex(@"^@?[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>{{ and }} are escaped braces; {n}, {n,alignment} and {n:format} are placeholders.</summary>
    [GeneratedRegex(@"\{\{|\}\}|\{(?<index>\d+)\s*(?:,\s*-?\d+)?\s*(?::[^{}]*)?\}")]
    private static partial Regex Placeholder();

    private sealed class Collector
    {
        private readonly Dictionary<string, List<SourceLocation>> _keys = new(StringComparer.Ordinal);
        private readonly List<UnreadableLookup> _unreadable = [];

        public void Key(string key, SourceFile file, int line)
        {
            if (!_keys.TryGetValue(key, out var locations)) _keys[key] = locations = [];
            locations.Add(new SourceLocation(file.Path, line));
        }

        public void Unreadable(SourceFile file, CSharpSource source, int position, UnreadableReason reason, string? code = null)
        {
            var line = source.LineOf(position);
            var lineText = source.Code.Split('\n')[line - 1].Trim();
            _unreadable.Add(new UnreadableLookup(new SourceLocation(file.Path, line), code ?? lineText, reason));
        }

        public LocalizationKeySet ToKeySet() => new(
            _keys.OrderBy(k => k.Key, StringComparer.Ordinal)
                .ToDictionary(k => k.Key, k => (IReadOnlyList<SourceLocation>)k.Value, StringComparer.Ordinal),
            _unreadable);
    }
}

/// <summary>One source file: its path relative to the repository root (with '/') and its text.</summary>
public sealed record SourceFile(string Path, string Text);
