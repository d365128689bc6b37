using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Samples.Changhe;

/// <summary>
/// The synthetic Changhe basin (see <see cref="ChangheGenerator"/>): static layers in memory, monthly drivers as
/// computed rasters (no storage; any block regenerates identically). SYNTHETIC data.
/// </summary>
public sealed class ChangheSample
{
    internal ChangheSample(ChangheSampleOptions options) { Options = options; Grid = options.Grid; }

    /// <summary>Options that produced the sample.</summary>
    public ChangheSampleOptions Options { get; }
    /// <summary>30 m grid, UTM 49N.</summary>
    public RasterGrid Grid { get; }
    /// <summary>Elevation, m.</summary>
    public Raster Dem { get; internal set; } = null!;
    /// <summary>Land cover (<see cref="LandCoverClass"/> codes).</summary>
    public Raster LandCover { get; internal set; } = null!;
    /// <summary>Coal mines: name and UTM coordinates (m); all west of the river.</summary>
    public IReadOnlyList<(string Name, double X, double Y)> Mines { get; internal set; } = [];
    /// <summary>The six normalised (0–1) hazard indicators of land degradation with their AHP weights (sum 1).</summary>
    public IReadOnlyList<(string Name, double Weight, Raster Layer)> HazardIndicators { get; internal set; } = [];
    /// <summary>Land degradation LD (0–1), Eq. 5: weighted sum of the hazard indicators, min–max normalised.</summary>
    public Raster LandDegradation => Raster.FromArray(Grid, LandDegradationValues.Select(v => (float)v).ToArray());
    internal double[] LandDegradationValues { get; set; } = [];
    /// <summary>Soil property fields (truth), by driver code: CF (%), SOC (g kg⁻¹), TN (g kg⁻¹), AP (mg kg⁻¹), AK (mg kg⁻¹), pH, BD (g cm⁻³).</summary>
    public IReadOnlyDictionary<string, Raster> SoilTruth { get; internal set; } = new Dictionary<string, Raster>();
    /// <summary>The 117 soil samples: id, x, y (m, UTM 49N) and the seven properties with measurement noise.</summary>
    public DataFrame SoilSamples { get; internal set; } = null!;
    /// <summary>True annual climate drivers averaged over the years: MAT (°C), MAP (mm), MAE (mm), MAS (MJ m⁻²). The
    /// pipeline does not use them as drivers (it interpolates them from <see cref="Stations"/>); they score the interpolation.</summary>
    public IReadOnlyDictionary<string, Raster> Climate { get; internal set; } = new Dictionary<string, Raster>();
    /// <summary>
    /// Monthly records of the synthetic meteorological stations (long format, one row per station and month): station,
    /// lon, lat (WGS 84), elevation (m), date (yyyy-MM-01), temperature (°C), precipitation (mm), solar (MJ m⁻² month⁻¹),
    /// evapotranspiration (mm); the generator's fields at the station pixel plus documented station errors. Written as
    /// <c>stations.csv</c>; the pipeline interpolates the climate drivers from it.
    /// </summary>
    public DataFrame Stations { get; internal set; } = null!;
    /// <summary>Monthly CASA inputs (fine 30 m NDVI, temperature, precipitation, calibrated solar radiation, evapotranspiration).</summary>
    public IReadOnlyList<CasaMonth> Months { get; internal set; } = [];
    /// <summary>Factor applied to the nominal solar radiation so that the CASA mean NPP equals the target (dimensionless).</summary>
    public double SolarScale { get; internal set; }
    /// <summary>Fine-resolution NDVI truth of a month (Landsat-like, 30 m).</summary>
    public Func<int, int, IRasterSource> FineNdvi { get; internal set; } = null!;
    /// <summary>Coarse (MODIS-like, 240 m block means plus sensor noise) NDVI of a month, on the fine grid.</summary>
    public Func<int, int, Raster> CoarseNdvi { get; internal set; } = null!;
}
