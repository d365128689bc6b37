using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// The CASA run (paper section 2.2.2, Eqs. 2–4) and its intermediate maps for one month: FPAR (0–1), ε (gC MJ⁻¹),
/// APAR (MJ m⁻² month⁻¹) and NPP (gC m⁻² month⁻¹), plus the multi-year mean annual NPP (gC m⁻² yr⁻¹).
/// </summary>
/// <param name="Result">The full CASA result (every month and year).</param>
/// <param name="MeanAnnualNpp">Mean of the annual NPP sums over the years, gC m⁻² yr⁻¹ (Fig. 2).</param>
/// <param name="Year">Year of the intermediate maps.</param>
/// <param name="Month">Month of the intermediate maps.</param>
/// <param name="Fpar">FPAR of that month.</param>
/// <param name="Epsilon">Light-use efficiency ε of that month, gC MJ⁻¹.</param>
/// <param name="Apar">APAR of that month, MJ m⁻² month⁻¹.</param>
/// <param name="MonthlyNpp">NPP of that month, gC m⁻² month⁻¹.</param>
/// <param name="NdviRanges">Table: land-cover class, NDVImin and NDVImax used by FPAR.</param>
public sealed record CasaStep(CasaResult Result, Raster MeanAnnualNpp, int Year, int Month, Raster Fpar, Raster Epsilon, Raster Apar, Raster MonthlyNpp, DataFrame NdviRanges)
{
    internal static CasaResult RunModel(ChangheInputs inputs, IProgress<string>? progress)
    {
        int total = inputs.Months.Count, last = -1;
        var p = progress is null ? null : new SynchronousProgress<double>(f =>
        {
            int done = (int)Math.Round(f * total);
            if (done % 12 == 0 && done != last) { last = done; progress.Report($"CASA: {done}/{total} months"); }
        });
        return CasaModel.Run(new CasaInput(inputs.LandCover, inputs.Months), null, p);
    }

    internal static CasaStep Views(CasaResult r, int year, int month)
    {
        var ranges = r.NdviRange.OrderBy(kv => kv.Key).ToArray();
        var df = new DataFrame(
            ChangheTables.Text("land_cover", ranges.Select(kv => kv.Key.ToString())),
            ChangheTables.Number("ndvi_min", ranges.Select(kv => kv.Value.Min)),
            ChangheTables.Number("ndvi_max", ranges.Select(kv => kv.Value.Max)));
        return new CasaStep(r, r.MeanAnnualNpp(), year, month, r.Fpar(year, month), r.Epsilon(year, month), r.Apar(year, month), r.MonthlyNpp(year, month), df);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that calls its handler on the reporting thread (no synchronisation context).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
