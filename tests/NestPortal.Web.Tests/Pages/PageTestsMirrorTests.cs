using System.Text.RegularExpressions;

namespace NestPortal.Web.Tests.Pages;

/// <summary>
/// The page tests mirror the pages: <c>src/NestPortal.Web/Pages/Escrow/Deposit.cshtml</c> has its tests in
/// <c>tests/NestPortal.Web.Tests/Pages/Escrow/DepositTests.cs</c> (class <c>DepositTests</c>, namespace
/// <c>NestPortal.Web.Tests.Pages.Escrow</c>), and every file of tests under Pages/ is the tests of one page.
/// Files without tests (form builders, seeders) may sit beside the tests that use them. Who may open a page
/// is not a page test's business: <see cref="Authorization.AccessTable"/> declares it for every page.
/// </summary>
public sealed partial class PageTestsMirrorTests
{
    private static readonly string Root = FindRoot();
    private static readonly string PagesSource = Path.Combine(Root, "src", "NestPortal.Web", "Pages");
    private static readonly string PagesTests = Path.Combine(Root, "tests", "NestPortal.Web.Tests", "Pages");

    /// <summary>Every page, as its path under Pages/ without extension ("Escrow/Deposit").</summary>
    private static List<string> PagesOfTheApp() =>
        Directory.EnumerateFiles(PagesSource, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(f => Relative(PagesSource, f)[..^".cshtml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every file under the tests' Pages/ that holds tests, as its path there ("Escrow/DepositTests.cs").</summary>
    private static List<string> TestFiles() =>
        Directory.EnumerateFiles(PagesTests, "*.cs", SearchOption.AllDirectories)
            .Where(f => TestAttribute().IsMatch(File.ReadAllText(f)))
            .Select(f => Relative(PagesTests, f))
            .Where(f => f != $"{nameof(PageTestsMirrorTests)}.cs")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_page_has_a_test_file_in_the_mirrored_folder()
    {
        var pages = PagesOfTheApp();

        pages.Count.ShouldBeGreaterThan(70, $"pages found under {PagesSource}");
        pages.Where(p => !File.Exists(Path.Combine(PagesTests, p + "Tests.cs")))
            .ShouldBeEmpty("pages without tests/NestPortal.Web.Tests/Pages/<folder>/<Page>Tests.cs");
    }

    [Fact]
    public void Every_test_file_under_Pages_mirrors_a_page()
    {
        var pages = PagesOfTheApp().ToHashSet(StringComparer.Ordinal);
        var files = TestFiles();

        files.Count.ShouldBeGreaterThan(70);
        files.Where(f => !f.EndsWith("Tests.cs", StringComparison.Ordinal) || !pages.Contains(f[..^"Tests.cs".Length]))
            .ShouldBeEmpty("test files under Pages/ named after no page (move the tests to the page's file, or a non-page test out of Pages/)");
    }

    [Fact]
    public void Each_test_file_holds_the_class_named_like_it_in_the_namespace_of_its_folder()
    {
        var wrong = new List<string>();
        foreach (var file in TestFiles().Where(f => f.EndsWith("Tests.cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(PagesTests, file));
            var folder = Path.GetDirectoryName(file)!.Replace('/', '.');
            var expectedNamespace = folder.Length == 0 ? "NestPortal.Web.Tests.Pages" : $"NestPortal.Web.Tests.Pages.{folder}";
            var expectedClass = Path.GetFileNameWithoutExtension(file);
            if (!Regex.IsMatch(text, $@"^namespace {Regex.Escape(expectedNamespace)};", RegexOptions.Multiline))
                wrong.Add($"{file}: namespace is not {expectedNamespace}");
            if (!Regex.IsMatch(text, $@"^public (sealed |static )?(partial )?class {expectedClass}\b", RegexOptions.Multiline))
                wrong.Add($"{file}: no public class {expectedClass}");
        }

        wrong.ShouldBeEmpty();
    }

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "NestPortal.Web", "Pages"))
                && Directory.Exists(Path.Combine(dir.FullName, "tests", "NestPortal.Web.Tests", "Pages")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\[(Fact|Theory)\b")]
    private static partial Regex TestAttribute();
}
