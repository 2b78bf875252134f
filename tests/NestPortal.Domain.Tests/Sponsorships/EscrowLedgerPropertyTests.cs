using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>
/// Random sequences of deposits, payments, refunds, corrections and rent changes (valid and invalid)
/// against the ledger, checking its invariants after every step. Seeded, so a failure names the seed
/// and step that reproduce it.
/// </summary>
public class EscrowLedgerPropertyTests
{
    private const int Sequences = 10_000;
    private const int StepsPerSequence = 30;
    private static readonly Actor Clerk = GroupBuilder.Staff;
    private static readonly DateTime Now = new(2020, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ten_thousand_random_sequences_keep_every_ledger_invariant()
    {
        var refused = 0;
        var booked = 0;
        for (var seed = 0; seed < Sequences; seed++)
        {
            var random = new Random(seed);
            var sponsorship = EscrowLedgerTests.Pilot();
            var today = Day("2019-10-20");
            for (var step = 0; step < StepsPerSequence; step++)
            {
                today = today.AddDays(random.Next(0, 40));
                var entriesBefore = sponsorship.Entries.Count;
                var changesBefore = sponsorship.RentChanges.Count;
                var balanceBefore = sponsorship.Balance;
                var context = $"seed {seed}, step {step}";
                try
                {
                    RandomCommand(sponsorship, random, today)();
                    booked++;
                }
                catch (DomainException)
                {
                    refused++;
                    sponsorship.Entries.Count.ShouldBe(entriesBefore, $"a refused command booked nothing ({context})");
                    sponsorship.RentChanges.Count.ShouldBe(changesBefore, context);
                    sponsorship.Balance.ShouldBe(balanceBefore, context);
                }

                CheckInvariants(sponsorship, context);
            }
        }

        // The generator must exercise both sides, or the test proves little.
        booked.ShouldBeGreaterThan(Sequences * 5);
        refused.ShouldBeGreaterThan(Sequences * 5);
    }

    private static Action RandomCommand(Sponsorship sponsorship, Random random, DateOnly today)
    {
        var entries = sponsorship.Entries.ToList();
        return random.Next(6) switch
        {
            0 or 1 => () => sponsorship.RecordDeposit(RandomAmount(random), today.AddDays(random.Next(-5, 3)), "Einzahlung", today, Clerk, Now,
                random.Next(4) == 0 && entries.Count > 0 ? entries[random.Next(entries.Count)].IdempotencyKey : Guid.NewGuid()),
            2 => () => sponsorship.PayRent(RandomMonth(random), today, Clerk, Now),
            3 => () => sponsorship.Refund(RandomAmount(random), "Rückzahlung", today, Clerk, Now),
            4 when entries.Count > 0 => () => sponsorship.Correct(entries[random.Next(entries.Count)], "Korrektur", today, Clerk, Now),
            4 => () => sponsorship.Correct(EscrowLedgerTests.Pilot().RecordDeposit(1m, today, "fremd", today, Clerk, Now), "fremd", today, Clerk, Now),
            _ => () => sponsorship.ChangeRent(RandomMonth(random), RandomAmount(random), Clerk, Now),
        };
    }

    /// <summary>Mostly plausible amounts, with zero, negative, three-decimal and absurd ones mixed in.</summary>
    private static decimal RandomAmount(Random random) => random.Next(10) switch
    {
        0 => 0m,
        1 => -random.Next(1, 1000),
        2 => random.Next(1, 100_000) / 1000m,
        3 => 2_000_000m,
        _ => random.Next(1, 800_000) / 100m,
    };

    /// <summary>A month in or around the pilot's rent period (11/2019 to 10/2021), now and then not a first day.</summary>
    private static DateOnly RandomMonth(Random random)
    {
        var month = Day("2019-09-01").AddMonths(random.Next(0, 30));
        return random.Next(20) == 0 ? month.AddDays(3) : month;
    }

    private static void CheckInvariants(Sponsorship sponsorship, string context)
    {
        var entries = sponsorship.Entries.ToList();
        var balance = entries.Sum(e => e.Amount);
        sponsorship.Balance.ShouldBe(balance, context);
        balance.ShouldBeGreaterThanOrEqualTo(0m, context);
        sponsorship.EscrowBalance.ShouldBe(balance, context);
        sponsorship.EscrowShortfall.ShouldBe(sponsorship.Position.Shortfall, context);
        // Plain checks, not ShouldAllBe: it compiles an expression on every call, 300,000 times here.
        entries.All(e => decimal.Round(e.Amount, 2) == e.Amount).ShouldBeTrue(context);

        // Every correction reverses exactly one non-correction entry of this account, by its exact amount, and no entry twice.
        var corrections = entries.Where(e => e.Kind == EscrowEntryKind.Correction).ToList();
        foreach (var correction in corrections)
        {
            var reversed = entries.Where(correction.Reverses).ToList();
            reversed.Count.ShouldBe(1, context);
            reversed[0].Kind.ShouldNotBe(EscrowEntryKind.Correction, context);
            correction.Amount.ShouldBe(-reversed[0].Amount, context);
        }

        entries.Count(e => corrections.Any(c => c.Reverses(e))).ShouldBe(corrections.Count, context);

        // Each month is paid at most once (not counting corrected payments).
        entries.Where(e => e.Kind == EscrowEntryKind.RentPayment && !sponsorship.IsCorrected(e))
            .GroupBy(e => e.RentMonth).All(g => g.Count() == 1).ShouldBeTrue(context);

        var position = sponsorship.Position;
        (position.Deposited - position.RentPaid - position.Refunded).ShouldBe(balance, context);
    }
}
