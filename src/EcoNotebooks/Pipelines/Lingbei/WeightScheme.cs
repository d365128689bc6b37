namespace EcoNotebooks.Pipelines.Lingbei;

/// <summary>Which indicator weights the resilience index uses (the paper's section 3.2).</summary>
public enum WeightScheme
{
    /// <summary>AHP subjective weights as printed in Table 2 (Eq. 15), rescaled to sum 1.</summary>
    Subjective,
    /// <summary>Mean-square-error objective weights computed from the data (Eq. 16): σ of each normalised indicator over all pixels of all years, divided by Σσ.</summary>
    Objective,
    /// <summary>Combined weights (Eq. 17): the mean of the subjective and the computed objective weights. The paper's choice; the default.</summary>
    Combined,
    /// <summary>The combined weights exactly as printed in Table 2 (sum 0.9996 because of the C16 misprint), for comparison.</summary>
    PrintedCombined,
}

/// <summary>How resilience values are put into five levels.</summary>
public enum ResilienceClassification
{
    /// <summary>The fixed thresholds of Table 3 (0.38, 0.41, 0.63, 0.73). Default.</summary>
    FixedTable3,
    /// <summary>Fisher–Jenks natural breaks (classInt "fisher") found on a seeded sample of the index values of all years, as the paper says it combined its results with the natural-breakpoint method.</summary>
    NaturalBreaks,
}

/// <summary>Over which pixels the min and max of Eqs. 18–19 are taken.</summary>
public enum NormalisationScope
{
    /// <summary>Each year is normalised by its own min and max (the paper's Eq. 18–19 read per image). Default; the sample data are calibrated with it.</summary>
    PerYear,
    /// <summary>One min and max per indicator over all years, so index values are comparable in absolute terms between years.</summary>
    Pooled,
}

/// <summary>Direction given to C1, the desertification index.</summary>
public enum DesertificationDirection
{
    /// <summary>
    /// Treat desertification as harmful: Eq. 1's DDI = k·N − A grows with vegetation (k = −1/a &gt; 0), i.e. it is
    /// high where desertification is low, so it enters as a positive indicator — equivalent to Table 2's "−" applied
    /// to the degree of desertification. Default.
    /// </summary>
    DesertificationIsNegative,
    /// <summary>Apply Table 2's printed "−" to Eq. 1's DDI as computed (rewards bare, bright ground; for comparison).</summary>
    AsPrinted,
}
