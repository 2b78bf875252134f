using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The yearly series as small multiples: one bar chart per measure (refugees arrived, groups that took
/// on costs), each with its own scale, so a count of persons is never read against a count of groups on
/// one axis. Laid out on the server so the page needs neither script nor inline style: the view draws
/// the panels as SVG that scales with its column, and the series table below holds the same figures.
/// </summary>
public sealed record YearlyChart(IReadOnlyList<YearlyChart.Panel> Panels)
{
    public const int PlotLeft = 44;
    public const int PlotTop = 22;
    public const int PlotHeight = 160;
    private const int BarGap = 16;
    private const int MaxBarWidth = 56;
    private const int YearWidth = 44;

    /// <summary>A few years get wider slots, so a short series is not a narrow strip beside its caption.</summary>
    private const int MinPlotWidth = 276;
    private const int RightMargin = 8;

    /// <summary>The baseline the bars stand on; year labels go below it.</summary>
    public static int Baseline => PlotTop + PlotHeight;

    public sealed record Bar(string Year, int X, int Y, int Width, int Height, string Value)
    {
        /// <summary>Where the value and the year are written: centred on the bar.</summary>
        public int CentreX => X + Width / 2;

        public int LabelY => Y - 5;
    }

    /// <summary>A line of the scale: its value and its height.</summary>
    public sealed record Tick(string Label, int Y);

    /// <param name="Id">Makes the SVG's title and description ids unique on the page.</param>
    /// <param name="Title">What is counted, per year.</param>
    /// <param name="Description">The figures as text, for screen readers.</param>
    /// <param name="BarClass">The CSS class that colours the bars.</param>
    public sealed record Panel(string Id, string Title, string Description, string BarClass, IReadOnlyList<Bar> Bars, IReadOnlyList<Tick> Ticks,
        int Width, int Height);

    public static YearlyChart For(AnnualReport report, IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentCulture;
        Panel PanelOf(string id, string title, string barClass, Func<YearFigures, int> value)
        {
            var values = report.Years.Select(y => (Year: y.Year.ToString(CultureInfo.InvariantCulture), Value: value(y))).ToList();
            var (step, top) = Scale(values.Select(v => v.Value).DefaultIfEmpty(0).Max());
            var slot = Math.Max(YearWidth, MinPlotWidth / Math.Max(1, values.Count));
            var width = Math.Min(slot - BarGap, MaxBarWidth);
            var bars = values.Select((v, i) =>
            {
                var height = (int)Math.Round((double)v.Value * PlotHeight / top);
                return new Bar(v.Year, PlotLeft + i * slot + (slot - width) / 2, Baseline - height, width, height, v.Value.ToString("N0", culture));
            }).ToList();
            var ticks = Enumerable.Range(0, top / step + 1)
                .Select(k => new Tick((k * step).ToString("N0", culture), Baseline - (int)Math.Round((double)k * step * PlotHeight / top))).ToList();
            var description = string.Join("; ", bars.Select(b => $"{b.Year}: {b.Value}"));
            return new Panel(id, title, description, barClass, bars, ticks, PlotLeft + Math.Max(1, bars.Count) * slot + RightMargin, Baseline + 26);
        }

        return new YearlyChart(
        [
            PanelOf("arrivals", l["Eingereiste Geflüchtete je Jahr"], "chart-arrivals", y => y.RefugeesArrived),
            PanelOf("groups", l["Gruppen mit Kostenübernahme je Jahr"], "chart-groups", y => y.GroupsTookOnCosts),
        ]);
    }

    /// <summary>
    /// A scale of whole numbers in steps of 1, 2 or 5 times a power of ten, at most five steps, ending at or
    /// above the largest value: axis labels people read at a glance (0, 20, 40 …, not 0, 17, 34 …).
    /// </summary>
    public static (int Step, int Top) Scale(int max)
    {
        if (max <= 0) return (1, 1);
        var step = 1;
        for (var magnitude = 1; ; magnitude *= 10)
        {
            var fits = new[] { 1, 2, 5 }.Select(f => f * magnitude).FirstOrDefault(s => (max + s - 1) / s <= 5);
            if (fits > 0)
            {
                step = fits;
                break;
            }
        }

        return (step, (max + step - 1) / step * step);
    }
}
