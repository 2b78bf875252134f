using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Outreach;

/// <summary>
/// One entry of the outreach log: an event, mailing or meeting by which the competence centre told
/// municipalities about NesT, with the municipalities invited and those actually informed.
/// </summary>
public sealed class OutreachEvent
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 2000;

    /// <summary>NesT began on 2019-05-06; outreach for it began with the pilot's preparation.</summary>
    public static readonly DateOnly EarliestDate = new(2019, 1, 1);

    private readonly List<OutreachMunicipality> _municipalities = [];

    public int Id { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public OutreachKind Kind { get; private set; }
    public string? Note { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;
    public DateTime RecordedAtUtc { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<OutreachMunicipality> Municipalities => _municipalities.AsReadOnly();

    public int InvitedCount => _municipalities.Count;
    public int InformedCount => _municipalities.Count(m => m.Informed);

    private OutreachEvent()
    {
    }

    /// <param name="invited">Municipalities invited or written to.</param>
    /// <param name="informed">Municipalities actually reached; each counts as invited too.</param>
    public static OutreachEvent Record(DateOnly heldOn, string title, OutreachKind kind, string? note,
        IEnumerable<Ags> invited, IEnumerable<Ags> informed, DateOnly today, Actor actor, DateTime nowUtc)
    {
        var outreach = new OutreachEvent { RecordedByName = actor.Name, RecordedAtUtc = nowUtc };
        outreach.Change(heldOn, title, kind, note, invited, informed, today);
        return outreach;
    }

    public void Change(DateOnly heldOn, string title, OutreachKind kind, string? note,
        IEnumerable<Ags> invited, IEnumerable<Ags> informed, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(title))
            errors.Add(new DomainError("Bitte geben Sie einen Titel an."));
        else if (title.Trim().Length > TitleMaxLength)
            errors.Add(new DomainError("Der Titel darf höchstens {0} Zeichen lang sein.", TitleMaxLength));
        if (heldOn > today)
            errors.Add(new DomainError("Das Datum ({0:dd.MM.yyyy}) liegt in der Zukunft; erfassen Sie die Maßnahme, wenn sie stattgefunden hat.", heldOn));
        else if (heldOn < EarliestDate)
            errors.Add(new DomainError("Das Datum ({0:dd.MM.yyyy}) liegt vor dem Beginn von NesT (2019).", heldOn));
        if (!Enum.IsDefined(kind))
            errors.Add(new DomainError("Bitte wählen Sie eine Art aus der Liste."));
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > NoteMaxLength })
            errors.Add(new DomainError("Die Notiz darf höchstens {0} Zeichen lang sein.", NoteMaxLength));
        if (errors.Count > 0) throw new DomainException(errors);

        HeldOn = heldOn;
        Title = title.Trim();
        Kind = kind;
        Note = text;
        SetMunicipalities(invited, informed);
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Keeps the rows of municipalities still named (so their ids and history stay), adds and removes the rest.</summary>
    private void SetMunicipalities(IEnumerable<Ags> invited, IEnumerable<Ags> informed)
    {
        var informedSet = informed.ToHashSet();
        var wanted = invited.Concat(informedSet).Distinct().ToList();
        _municipalities.RemoveAll(m => !wanted.Contains(m.MunicipalityAgs));
        foreach (var ags in wanted)
        {
            var existing = _municipalities.FirstOrDefault(m => m.MunicipalityAgs == ags);
            if (existing is null) _municipalities.Add(new OutreachMunicipality(ags, informedSet.Contains(ags)));
            else existing.SetInformed(informedSet.Contains(ags));
        }
    }
}
