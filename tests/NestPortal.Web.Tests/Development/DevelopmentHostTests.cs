using NestPortal.Development;

namespace NestPortal.Web.Tests.Development;

/// <summary>How the development host decides what to run, and where it finds the portal's content.</summary>
public sealed class DevelopmentHostTests
{
    [Fact]
    public void Each_maintenance_command_is_reached_by_its_name_and_nothing_else_is_a_command()
    {
        MaintenanceCommands.ByName.Keys.ShouldBe(["generate-volume", "rent-run", "report-bench", "import-bench", "reconcile-bench", "letter-bench"], ignoreOrder: true);
        MaintenanceCommands.ByName.ContainsKey("--urls").ShouldBeFalse();
        MaintenanceCommands.ByName.ContainsKey("Generate-Volume").ShouldBeFalse();
    }

    [Fact]
    public void Without_a_content_root_it_runs_on_the_web_projects_folder_under_the_web_projects_name()
    {
        var options = WebProjectContent.Options([]);

        options.ApplicationName.ShouldBe("NestPortal.Web");
        File.Exists(Path.Combine(options.ContentRootPath!, "NestPortal.Web.csproj")).ShouldBeTrue(options.ContentRootPath);
        File.Exists(Path.Combine(options.ContentRootPath!, "appsettings.json")).ShouldBeTrue();
        options.WebRootPath.ShouldBe(Path.Combine(options.ContentRootPath!, "wwwroot"));
    }

    [Fact]
    public void A_given_content_root_is_left_to_the_host()
    {
        var options = WebProjectContent.Options(["--contentRoot=/srv/portal"]);

        options.ContentRootPath.ShouldBeNull();
        options.ApplicationName.ShouldBe("NestPortal.Web");
    }
}
