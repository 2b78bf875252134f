namespace NestPortal.Development;

/// <summary>
/// The development host serves NestPortal.Web's pages, wwwroot, appsettings and resources, which live in
/// that project's folder, not in this one. It therefore runs with NestPortal.Web's application name (which
/// Razor Pages, user secrets and the static-asset manifests are keyed by) and, unless a content root is
/// given (--contentRoot, ASPNETCORE_CONTENTROOT), with that folder as content root.
/// </summary>
public static class WebProjectContent
{
    public const string ApplicationName = "NestPortal.Web";

    public static WebApplicationOptions Options(string[] args)
    {
        if (ContentRootIsGiven(args)) return new WebApplicationOptions { Args = args, ApplicationName = ApplicationName };

        var folder = FindFolder();
        return new WebApplicationOptions
        {
            Args = args,
            ApplicationName = ApplicationName,
            ContentRootPath = folder,
            WebRootPath = Path.Combine(folder, "wwwroot"),
        };
    }

    private static bool ContentRootIsGiven(string[] args)
    {
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return !string.IsNullOrEmpty(hostSettings[WebHostDefaults.ContentRootKey]);
    }

    /// <summary>
    /// A published host carries the portal's content beside its binaries; a build in the repository finds
    /// src/NestPortal.Web above its output folder (bin/Debug/net10.0), whatever the working directory.
    /// </summary>
    private static string FindFolder()
    {
        var output = AppContext.BaseDirectory;
        if (Directory.Exists(Path.Combine(output, "wwwroot")) && File.Exists(Path.Combine(output, "appsettings.json")))
            return output;

        foreach (var start in new[] { output, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var web = Path.Combine(folder.FullName, "src", ApplicationName);
                if (File.Exists(Path.Combine(web, ApplicationName + ".csproj"))) return web;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find NestPortal.Web's content (src/{ApplicationName} above {output}, or a published wwwroot beside it); give it with --contentRoot=<folder>.");
    }
}
