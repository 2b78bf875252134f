using NestPortal.Domain.Households;

namespace NestPortal.Domain.Tests.Households;

public class ReferencePatternTests
{
    private static readonly ReferencePattern NesT = ReferencePattern.Parse("NesT-{yyyy}-{n:0000}");

    [Fact]
    public void A_reference_is_the_pattern_with_the_year_and_the_number_padded()
    {
        NesT.Format(2026, 7).ShouldBe("NesT-2026-0007");
        NesT.Format(2026, 12345).ShouldBe("NesT-2026-12345");
        ReferencePattern.Parse("KfI/{yy}/{n}").Format(2026, 42).ShouldBe("KfI/26/42");
        ReferencePattern.Parse("F-{n:000}").Format(2030, 5).ShouldBe("F-005");
    }

    [Fact]
    public void The_first_reference_of_a_year_is_number_one()
    {
        NesT.Next([], 2026).ShouldBe("NesT-2026-0001");
        NesT.Next(["NesT-2025-0031", "Altbestand 17"], 2026).ShouldBe("NesT-2026-0001", "last year's and freehand references do not count");
    }

    [Fact]
    public void The_next_reference_is_one_above_the_highest_of_the_year_gaps_stay_gaps()
    {
        NesT.Next(["NesT-2026-0001", "NesT-2026-0004", "NesT-2026-0002"], 2026).ShouldBe("NesT-2026-0005");
    }

    [Fact]
    public void References_typed_in_another_case_or_with_more_zeros_count_as_well()
    {
        // SQL Server compares case-insensitively: "nest-2026-0009" would clash with "NesT-2026-0009".
        NesT.Next(["nest-2026-0009", "NesT-2026-00011", "NesT-2026-0003"], 2026).ShouldBe("NesT-2026-0012");
        NesT.Next(["NesT-2026-040", "NesT-2026-7"], 2026).ShouldBe("NesT-2026-0041", "numbered with fewer digits, as older records are");
    }

    [Fact]
    public void A_reference_that_only_resembles_the_pattern_is_not_read_as_a_number()
    {
        NesT.TryReadNumber("NesT-2026-0012a", 2026, out _).ShouldBeFalse();
        NesT.TryReadNumber("X-NesT-2026-0012", 2026, out _).ShouldBeFalse();
        NesT.TryReadNumber("NesT-2026-0000", 2026, out _).ShouldBeFalse("numbers start at 1");
        NesT.TryReadNumber("NesT-2026-99999999999", 2026, out _).ShouldBeFalse("beyond any number the portal would suggest");
        NesT.TryReadNumber(" NesT-2026-0012 ", 2026, out var number).ShouldBeTrue("references are saved trimmed");
        number.ShouldBe(12);
        NesT.TryReadNumber("NesT-2026-041", 2026, out var unpadded).ShouldBeTrue("fewer digits than the pattern pads to still use the number");
        unpadded.ShouldBe(41);
    }

    [Fact]
    public void The_suggestion_is_never_a_reference_that_exists()
    {
        string[] existing = ["NesT-2026-0001", "NesT-2026-0002", "nest-2026-0003", "NesT-2026-03", "NesT-2026-000004"];

        var next = NesT.Next(existing, 2026);

        next.ShouldBe("NesT-2026-0005");
        existing.ShouldNotContain(e => string.Equals(e, next, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Without_a_year_the_numbers_run_on_across_years()
    {
        var pattern = ReferencePattern.Parse("Familie {n:000}");

        pattern.HasYear.ShouldBeFalse();
        pattern.Next(["Familie 041", "Familie 007"], 2027).ShouldBe("Familie 042");
        NesT.HasYear.ShouldBeTrue();
    }

    [Fact]
    public void The_prefix_is_the_literal_start_up_to_the_number()
    {
        NesT.PrefixFor(2026).ShouldBe("NesT-2026-");
        ReferencePattern.Parse("{n}/{yyyy}").PrefixFor(2026).ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NesT-{yyyy}")]
    [InlineData("NesT-{n}-{n}")]
    [InlineData("NesT-{yyyy}-{x}")]
    [InlineData("NesT-{n:00a0}")]
    [InlineData("NesT-{yyyy-{n}")]
    [InlineData("NesT-yyyy}-{n}")]
    [InlineData(" NesT-{n}")]
    public void A_pattern_the_portal_cannot_number_is_refused(string pattern)
    {
        Should.Throw<FormatException>(() => ReferencePattern.Parse(pattern));
    }
}
