using System.Text.RegularExpressions;
using NestPortal.Development.DemoData;
using NestPortal.Web.Mail;
using NestPortal.Web.Notifications;
using NestPortal.Web.Privacy;
using NestPortal.Web.RentRuns;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Docs;

/// <summary>
/// scripts/bench.sh names pages, demo accounts and configuration switches of the portal in shell text,
/// where a rename would only show on the next benchmark run: these tests catch it with the rename.
/// </summary>
public sealed partial class BenchmarkScriptTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepositoryRoot(), "scripts", "bench.sh"));

    [Fact]
    public void Every_page_the_benchmark_measures_is_a_page_of_the_portal()
    {
        var urls = PageList().Match(Script).Groups["urls"].Value;
        var fixedPages = Quoted().Matches(urls).Select(m => m.Groups["text"].Value).Where(u => u.StartsWith('/') && !u.Contains('$', StringComparison.Ordinal)).ToList();
        var routes = PageCatalogue.Pages(factory).Select(p => p.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);

        fixedPages.Count.ShouldBeGreaterThan(5);
        fixedPages.Where(url => !routes.Contains(url)).ShouldBeEmpty("pages in scripts/bench.sh that the portal does not have");
    }

    [Fact]
    public void The_benchmark_signs_in_demo_users_with_their_password()
    {
        Script.ShouldContain($"PASSWORD=\"{DemoUsers.Password}\"");
        foreach (var email in EmailAssignment().Matches(Script).Select(m => m.Groups["email"].Value))
            DemoUsers.All.Select(u => u.Email).ShouldContain(email);
    }

    [Fact]
    public void The_switches_the_benchmark_turns_off_are_settings_of_the_portal()
    {
        var options = new Dictionary<string, Type>
        {
            ["RentRun"] = typeof(RentRunOptions),
            ["Retention"] = typeof(RetentionOptions),
            ["Notifications"] = typeof(NotificationOptions),
            ["Mail"] = typeof(MailOptions),
        };
        var switches = Setting().Matches(Script).Select(m => (Section: m.Groups["section"].Value, Key: m.Groups["key"].Value))
            .Where(s => s.Section != "ConnectionStrings").ToList();

        switches.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var (section, key) in switches)
        {
            options.ShouldContainKey(section, $"scripts/bench.sh sets {section}__{key}: add its options class here");
            options[section].GetProperty(key).ShouldNotBeNull($"{section}:{key} is no setting of {options[section].Name}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NestPortal.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No NestPortal.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\s*URLS=\((?<urls>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex PageList();

    [GeneratedRegex("\"(?<text>[^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("_EMAIL=\"(?<email>[^\"]+)\"")]
    private static partial Regex EmailAssignment();

    /// <summary>A setting passed as an environment variable: <c>RentRun__Enabled=false</c>.</summary>
    [GeneratedRegex(@"\b(?<section>[A-Z][A-Za-z]+)__(?<key>[A-Z][A-Za-z]+)=")]
    private static partial Regex Setting();
}
