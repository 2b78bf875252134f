using System.Globalization;
using NestPortal.Data;

namespace NestPortal.Development.VolumeData;

/// <summary>
/// <c>dotnet run --project src/NestPortal.Development -- generate-volume --scale 10 [--seed 42]</c>: brings the
/// configured database up to date (as a start of the portal would), adds the volume data and exits
/// without serving a page.
/// </summary>
public static class VolumeCommand
{
    public const string Name = "generate-volume";

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, hostArgs, error) = VolumeOptions.Parse(args[1..]);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n\n{VolumeOptions.Usage}");
            return 2;
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Volume data: scale {options.Scale}, seed {options.Seed}: {options.Groups:N0} groups, {options.Households:N0} households, {options.Persons:N0} persons ({DatabaseProvider.ProviderName(app.Configuration)})"));
        await using var scope = app.Services.CreateAsyncScope();
        var generator = new VolumeGenerator(scope.ServiceProvider.GetRequiredService<NestPortalDbContext>(), TimeProvider.System);
        try
        {
            var result = await generator.RunAsync(options, Console.WriteLine);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done: {result.Groups:N0} groups, {result.Households:N0} households, {result.Persons:N0} persons, {result.Sponsorships:N0} sponsorships, {result.Allocations:N0} allocations in {result.Elapsed.TotalSeconds:N1} s"));
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
