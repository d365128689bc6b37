using Microsoft.Data.Analysis;

namespace EcoNotebooks.Permafrost.Reporting;

/// <summary>
/// The "trumpet curve" of one year: annual minimum, mean and maximum ground temperature against depth. The maximum
/// curve crosses 0 °C at the active-layer base (permafrost table); min and max converge at the depth of zero annual
/// amplitude, where the mean is the MAGT.
/// </summary>
/// <param name="Year">Year index of the run (0-based).</param>
/// <param name="Depth">Cell-centre depths, m.</param>
/// <param name="Min">Annual minimum, °C.</param>
/// <param name="Mean">Annual mean, °C.</param>
/// <param name="Max">Annual maximum, °C.</param>
public sealed record TrumpetCurve(int Year, double[] Depth, double[] Min, double[] Mean, double[] Max)
{
    /// <summary>The curve of year <paramref name="year"/> (negative counts from the end: −1 = last year) down to <paramref name="maxDepth"/> m.</summary>
    public static TrumpetCurve From(SimulationResult result, int year = -1, double maxDepth = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(result);
        int ny = result.AnnualMax.GetLength(0);
        if (ny == 0) throw new ArgumentException("The run has no complete year.", nameof(result));
        int y = year < 0 ? ny + year : year;
        if (y < 0 || y >= ny) throw new ArgumentOutOfRangeException(nameof(year), year, $"The run has {ny} complete years.");
        if (!(maxDepth > 0)) throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "Must be > 0 m.");
        var z = result.Grid.Centres;
        int n = z.TakeWhile(d => d <= maxDepth).Count();
        double[] Row(double[,] a) { var r = new double[n]; for (int i = 0; i < n; i++) r[i] = a[y, i]; return r; }
        return new TrumpetCurve(y, z[..n], Row(result.AnnualMin), Row(result.AnnualMean), Row(result.AnnualMax));
    }

    /// <summary>Columns depth_m, min_c, mean_c, max_c.</summary>
    public DataFrame ToDataFrame() => new(
        new DoubleDataFrameColumn("depth_m", Depth), new DoubleDataFrameColumn("min_c", Min),
        new DoubleDataFrameColumn("mean_c", Mean), new DoubleDataFrameColumn("max_c", Max));
}
