using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Import;

/// <summary>How a sponsorship of the history ended (docs/import.md, Patenschaften: "Ende").</summary>
public enum SponsorshipEndKind
{
    /// <summary>Completed: rent and support over; completed on "Beendet am".</summary>
    Completed,

    /// <summary>The group dissolved on "Beendet am"; someone else carried on the support, the rent ran on from the account.</summary>
    Dissolved,
}

/// <summary>A sponsorship's end read from its row: the kind, its day, who carried on after a dissolution, and the completion day if any.</summary>
public sealed record SponsorshipEnding(SponsorshipEndKind Kind, DateOnly EndedOn, string? ContinuedBy, DateOnly? CompletedOn);

public sealed partial class ImportBuilder
{
    /// <summary>The reason recorded for a group dissolved in the history; the real one is in the competence centre's files.</summary>
    public const string DissolutionOnFile = "Auflösung laut Akte des Kompetenzzentrums (übernommen mit dem Import).";

    private readonly List<(ImportRow Row, Sponsorship Sponsorship, GroupEntry Group, SponsorshipEnding Ending)> _endings = [];

    private SponsorshipEnding? ReadEnding(ImportRow row)
    {
        var kind = row.Choice("Ende", ImportWords.SponsorshipEnds, required: false);
        var endedOn = row.Date("Beendet am");
        var continuedBy = row.Text("Weitergeführt von");
        var completedOn = row.Date("Abgeschlossen am");
        if (kind is null)
        {
            if (endedOn is not null || continuedBy is not null || completedOn is not null)
                row.Error("Ende", l["Bitte geben Sie in der Spalte „Ende“ an, wie die Patenschaft endete (abgeschlossen oder aufgelöst)."]);
            return null;
        }

        if (endedOn is null)
            row.Error("Beendet am", l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", "Beendet am"]);
        if (kind == SponsorshipEndKind.Dissolved && continuedBy is null)
            row.Error("Weitergeführt von", l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", "Weitergeführt von"]);
        if (kind == SponsorshipEndKind.Completed && (continuedBy is not null || completedOn is not null))
            row.Error("Ende", l["„Weitergeführt von“ und „Abgeschlossen am“ gehören nur zu einer aufgelösten Patenschaft; eine abgeschlossene endet am Tag in „Beendet am“."]);
        if (endedOn is not { } ended) return null;
        return kind == SponsorshipEndKind.Completed
            ? new SponsorshipEnding(SponsorshipEndKind.Completed, ended, null, ended)
            : new SponsorshipEnding(SponsorshipEndKind.Dissolved, ended, continuedBy, completedOn);
    }

    /// <summary>
    /// Ends a sponsorship of the history once its ledger is booked (a completed account takes no entries): a
    /// dissolution dissolves the group and records who carried on; a completion completes the sponsorship on
    /// its own day, never on the day of the import.
    /// </summary>
    private void End(ImportRow row, Sponsorship sponsorship, GroupEntry group, SponsorshipEnding ending)
    {
        try
        {
            Track(sponsorship);
            if (ending.Kind == SponsorshipEndKind.Dissolved)
            {
                // A group with two sponsorships dissolves once, for both.
                Track(group.Group);
                if (group.Group.DissolvedOn != ending.EndedOn)
                    group.Group.Dissolve(ending.EndedOn, DissolutionOnFile, run.Today, run.Actor, run.NowUtc);
                sponsorship.RecordContinuedSupport(ending.ContinuedBy!);
            }

            if (ending.CompletedOn is { } completedOn) sponsorship.CompleteAsOf(completedOn, run.Today);
        }
        catch (DomainException exception)
        {
            row.Error("Beendet am", exception);
        }
    }
}
