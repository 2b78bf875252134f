using System.Globalization;

namespace NestPortal.Development.VolumeData;

/// <summary>
/// How much volume data to make. Scale 1 is national scale (NesT's target of 500 sponsorships): 500
/// approved groups and 500 households of five persons on average, each matched and (mostly) allocated.
/// Scale 10 makes 5,000 groups and 25,000 persons; fractions make small runs (0.2 → 100 groups).
/// </summary>
public sealed record VolumeOptions(double Scale, int Seed = VolumeOptions.DefaultSeed, int BatchSize = VolumeOptions.DefaultBatchSize)
{
    public const int NationalScaleHouseholds = 500;
    public const int PersonsPerHousehold = 5;
    public const int DefaultSeed = 42;
    public const int DefaultBatchSize = 500;

    public const string Usage =
        "generate-volume --scale N [--seed S] [--batch B]\n" +
        "  --scale N   N times national scale: N x 500 groups and households, N x 2,500 persons (N > 0, e.g. 10 or 0.2)\n" +
        "  --seed S    random seed (default 42); the same seed and day give the same data\n" +
        "  --batch B   aggregates per save (default 500)\n" +
        "Other --Key=Value arguments configure the portal as usual, e.g. --ConnectionStrings:Sqlite=\"Data Source=volume.db\".";

    public int Households => (int)Math.Round(NationalScaleHouseholds * Scale, MidpointRounding.AwayFromZero);

    public int Groups => Households;

    public int Persons => Households * PersonsPerHousehold;

    /// <summary>Reads the command's own arguments; every other argument is left for the host's configuration.</summary>
    public static (VolumeOptions? Options, string[] HostArgs, string? Error) Parse(IReadOnlyList<string> args)
    {
        double? scale = null;
        int seed = DefaultSeed, batch = DefaultBatchSize;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--scale" or "--seed" or "--batch"))
            {
                hostArgs.Add(name);
                continue;
            }

            if (i + 1 >= args.Count) return (null, [], $"{name} needs a value.");
            var value = args[++i];
            switch (name)
            {
                case "--scale" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 1000:
                    scale = s;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--batch" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) && b > 0:
                    batch = b;
                    break;
                default:
                    return (null, [], $"{name} {value}: not a valid value.");
            }
        }

        if (scale is null) return (null, [], "--scale is required.");
        var options = new VolumeOptions(scale.Value, seed, batch);
        return options.Households == 0 ? (null, [], $"--scale {scale} makes no household.") : (options, hostArgs.ToArray(), null);
    }
}
