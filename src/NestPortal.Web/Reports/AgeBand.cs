namespace NestPortal.Web.Reports;

/// <summary>Age at arrival as the report groups it (the bands of the government's answers).</summary>
public enum AgeBand
{
    /// <summary>0–5 years.</summary>
    Under6,

    /// <summary>6–17 years.</summary>
    From6To17,

    /// <summary>18–29 years.</summary>
    From18To29,

    /// <summary>30–49 years.</summary>
    From30To49,

    /// <summary>50–64 years.</summary>
    From50To64,

    /// <summary>65 years and older.</summary>
    From65,
}

public static class AgeBands
{
    public static AgeBand Of(int age) => age switch
    {
        < 6 => AgeBand.Under6,
        < 18 => AgeBand.From6To17,
        < 30 => AgeBand.From18To29,
        < 50 => AgeBand.From30To49,
        < 65 => AgeBand.From50To64,
        _ => AgeBand.From65,
    };

    /// <summary>The band's label; not localised (digits and a dash read the same in both languages).</summary>
    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Under6 => "0–5",
        AgeBand.From6To17 => "6–17",
        AgeBand.From18To29 => "18–29",
        AgeBand.From30To49 => "30–49",
        AgeBand.From50To64 => "50–64",
        _ => "65+",
    };
}
