using NestPortal.Web.Pages.Reports;

namespace NestPortal.Web.Tests.Reports;

/// <summary>The chart's scale: round steps people read at a glance, ending at or above the largest value.</summary>
public sealed class YearlyChartTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(4, 1, 4)]
    [InlineData(6, 2, 6)]
    [InlineData(37, 10, 40)]
    [InlineData(104, 50, 150)]
    [InlineData(9, 2, 10)]
    [InlineData(25_000, 5_000, 25_000)]
    public void The_scale_has_at_most_five_round_steps_up_to_the_largest_value(int max, int step, int top)
    {
        var scale = YearlyChart.Scale(max);

        scale.ShouldBe((step, top));
        (scale.Top / scale.Step).ShouldBeLessThanOrEqualTo(5);
        scale.Top.ShouldBeGreaterThanOrEqualTo(max);
    }
}
