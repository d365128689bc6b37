namespace EcoNotebooks.RemoteSensing;

/// <summary>A compositing period, inclusive at both ends (e.g. the Lingbei paper's August–December window).</summary>
/// <param name="Name">Name used in outputs and errors, e.g. "2020 Aug–Dec".</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day (≥ Start).</param>
public sealed record CompositePeriod(string Name, DateOnly Start, DateOnly End)
{
    /// <summary>True when <paramref name="date"/> is within the period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Months <paramref name="firstMonth"/>–<paramref name="lastMonth"/> of <paramref name="year"/> (e.g. 8–12 for August–December).</summary>
    public static CompositePeriod Months(int year, int firstMonth, int lastMonth)
    {
        if (firstMonth is < 1 or > 12 || lastMonth < firstMonth || lastMonth > 12)
            throw new ArgumentOutOfRangeException(nameof(firstMonth), $"Months {firstMonth}–{lastMonth} must satisfy 1 ≤ first ≤ last ≤ 12.");
        var start = new DateOnly(year, firstMonth, 1);
        var end = new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
        return new CompositePeriod($"{year}-{firstMonth:00}..{year}-{lastMonth:00}", start, end);
    }
}
