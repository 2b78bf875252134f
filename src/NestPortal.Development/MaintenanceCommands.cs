using NestPortal.Development.Import;
using NestPortal.Development.Reports;
using NestPortal.Development.RentRuns;
using NestPortal.Development.VolumeData;

namespace NestPortal.Development;

/// <summary>
/// The commands the development host runs instead of the portal, by the name given as the first argument.
/// Each gets all arguments (its name first), starts the portal's services on the configured database
/// (<see cref="MaintenanceHost"/>), does its work and returns the process's exit code.
/// </summary>
public static class MaintenanceCommands
{
    public static readonly IReadOnlyDictionary<string, Func<string[], Task<int>>> ByName =
        new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
        {
            [VolumeCommand.Name] = VolumeCommand.RunAsync,
            [RentRunCommand.Name] = RentRunCommand.RunAsync,
            [ReportBenchCommand.Name] = ReportBenchCommand.RunAsync,
            [ImportBenchCommand.Name] = ImportBenchCommand.RunAsync,
            [Banking.ReconcileBenchCommand.Name] = Banking.ReconcileBenchCommand.RunAsync,
            [Letters.LetterBenchCommand.Name] = Letters.LetterBenchCommand.RunAsync,
        };
}
