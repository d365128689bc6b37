using EcoNotebooks.Rasters;

namespace EcoNotebooks.Productivity;

/// <summary>Output of <see cref="CasaModel.Run"/>. NPP units: gC m⁻² month⁻¹ (monthly), gC m⁻² yr⁻¹ (annual and mean).</summary>
public sealed class CasaResult
{
    internal CasaResult(RasterGrid grid, IReadOnlyList<(int Year, int Month)> months, float[][] monthlyNpp, float[][] fpar, float[][] epsilon, float[][] apar,
        IReadOnlyDictionary<LandCoverClass, (double Min, double Max)> ndviRange)
    {
        Grid = grid; Months = months; _monthly = monthlyNpp; _fpar = fpar; _epsilon = epsilon; _apar = apar; NdviRange = ndviRange;
        Years = months.Select(m => m.Year).Distinct().Order().ToArray();
    }

    private readonly float[][] _monthly, _fpar, _epsilon, _apar;

    /// <summary>Grid of every output raster.</summary>
    public RasterGrid Grid { get; }
    /// <summary>(year, month) of each monthly output, in input order.</summary>
    public IReadOnlyList<(int Year, int Month)> Months { get; }
    /// <summary>Years covered.</summary>
    public IReadOnlyList<int> Years { get; }
    /// <summary>NDVImin (common to all classes) and NDVImax used per land-cover class.</summary>
    public IReadOnlyDictionary<LandCoverClass, (double Min, double Max)> NdviRange { get; }

    private int IndexOf(int year, int month)
    {
        for (int i = 0; i < Months.Count; i++) if (Months[i].Year == year && Months[i].Month == month) return i;
        throw new ArgumentOutOfRangeException(nameof(month), $"No CASA output for {year}-{month:00}; the run covers {Years.First()}–{Years.Last()}.");
    }

    private Raster ToRaster(float[] v) => Raster.FromArray(Grid, v);

    /// <summary>Monthly NPP, gC m⁻² month⁻¹.</summary>
    public Raster MonthlyNpp(int year, int month) => ToRaster(_monthly[IndexOf(year, month)]);
    /// <summary>FPAR (0–1) of a month.</summary>
    public Raster Fpar(int year, int month) => ToRaster(_fpar[IndexOf(year, month)]);
    /// <summary>Light-use efficiency ε of a month, gC MJ⁻¹.</summary>
    public Raster Epsilon(int year, int month) => ToRaster(_epsilon[IndexOf(year, month)]);
    /// <summary>APAR of a month, MJ m⁻² month⁻¹.</summary>
    public Raster Apar(int year, int month) => ToRaster(_apar[IndexOf(year, month)]);

    /// <summary>Annual NPP (sum of the 12 months), gC m⁻² yr⁻¹.</summary>
    public Raster AnnualNpp(int year)
    {
        var sum = new float[Grid.PixelCount];
        bool any = false;
        for (int i = 0; i < Months.Count; i++)
        {
            if (Months[i].Year != year) continue;
            any = true;
            var m = _monthly[i];
            for (int k = 0; k < sum.Length; k++) sum[k] += m[k];
        }
        if (!any) throw new ArgumentOutOfRangeException(nameof(year), year, $"No CASA output for {year}.");
        return ToRaster(sum);
    }

    /// <summary>Multi-year mean of annual NPP, gC m⁻² yr⁻¹ (the Changhe paper's 2010–2015 mean).</summary>
    public Raster MeanAnnualNpp()
    {
        var mean = new float[Grid.PixelCount];
        foreach (int y in Years)
        {
            var a = ((RasterBand<float>)AnnualNpp(y)[0]).Data;
            for (int k = 0; k < mean.Length; k++) mean[k] += a[k] / Years.Count;
        }
        return ToRaster(mean);
    }
}
