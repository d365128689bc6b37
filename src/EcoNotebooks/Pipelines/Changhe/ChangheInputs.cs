using EcoNotebooks.Productivity;
using EcoNotebooks.Rasters;
using EcoNotebooks.Samples.Changhe;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// Everything <see cref="ChanghePipeline"/> needs, on one grid: land cover (<see cref="LandCoverClass"/> codes), the
/// monthly CASA inputs (whole years), the four annual climate drivers (interpolated from stations or prepared rasters), land degradation LD (0–1), the soil sample table
/// and, optionally, fine and coarse NDVI for the ESTARFM demonstration. Build it from the synthetic sample
/// (<see cref="FromSample"/>) or from your own rasters (<see cref="ChangheInputFiles.Load"/>).
/// </summary>
/// <param name="LandCover">Land cover raster.</param>
/// <param name="Months">Monthly CASA inputs (NDVI, temperature °C, precipitation mm, solar radiation MJ m⁻² month⁻¹, optional evapotranspiration mm).</param>
/// <param name="Climate">Annual climate drivers by code: MAT (°C), MAP (mm), MAE (mm), MAS (MJ m⁻²).</param>
/// <param name="LandDegradation">Land degradation LD, 0–1 (Eq. 5).</param>
/// <param name="SoilSamples">Soil samples: columns x, y (grid CRS units) and CF, SOC, TN, AP, AK, pH, BD.</param>
/// <param name="FineNdvi">Fine NDVI of (year, month), or null when no fusion demonstration is possible.</param>
/// <param name="CoarseNdvi">Coarse NDVI of (year, month) resampled to the fine grid, or null.</param>
public sealed record ChangheInputs(
    IRasterSource LandCover,
    IReadOnlyList<CasaMonth> Months,
    IReadOnlyDictionary<string, Raster> Climate,
    Raster LandDegradation,
    DataFrame SoilSamples,
    Func<int, int, IRasterSource>? FineNdvi = null,
    Func<int, int, IRasterSource>? CoarseNdvi = null)
{
    /// <summary>Climate driver codes (Table 1).</summary>
    public static IReadOnlyList<string> ClimateCodes { get; } = ["MAT", "MAP", "MAE", "MAS"];
    /// <summary>Soil driver codes (Table 1).</summary>
    public static IReadOnlyList<string> SoilCodes { get; } = ["CF", "SOC", "TN", "AP", "AK", "pH", "BD"];

    /// <summary>The grid of every layer (the land cover's).</summary>
    public RasterGrid Grid => LandCover.Grid;

    /// <summary>Elevation (m) on the grid when the inputs have a DEM (the sample's, or <c>dem.tif</c>), else null.</summary>
    public Raster? Dem { get; init; }

    /// <summary>
    /// The station interpolation the climate drivers came from (stations, spline fits, maps), or null when every
    /// driver was a prepared raster. Drivers listed in <see cref="ClimateFromStations"/> are its maps.
    /// </summary>
    public ChangheStationClimate? StationClimate { get; init; }

    /// <summary>Codes of the climate drivers interpolated from stations (empty when all came from prepared rasters).</summary>
    public IReadOnlyList<string> ClimateFromStations { get; init; } = [];

    /// <summary>
    /// Inputs from the synthetic Changhe sample. The four climate drivers (MAT, MAP, MAE, MAS) are interpolated from the
    /// sample's station records (<see cref="ChangheSample.Stations"/>, the same table as <c>stations.csv</c>) with the
    /// thin-plate spline and the sample's DEM, exactly as <see cref="ChangheInputFiles.Load"/> does with own data;
    /// the generator's true driver fields (<see cref="ChangheSample.Climate"/>) are not used. The monthly CASA inputs
    /// are the generator's fields (so the mean NPP keeps its calibration to 290.13).
    /// </summary>
    public static ChangheInputs FromSample(ChangheSample sample, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var st = ChangheStationClimate.Interpolate(sample.Stations, "stations.csv", sample.Dem, "dem.tif", progress);
        return new ChangheInputs(sample.LandCover, sample.Months, st.Maps, sample.LandDegradation, sample.SoilSamples,
            (y, m) => sample.FineNdvi(y, m), (y, m) => sample.CoarseNdvi(y, m))
        { Dem = sample.Dem, StationClimate = st, ClimateFromStations = ClimateCodes };
    }

    /// <summary>Checks codes, columns and grids; throws <see cref="ArgumentException"/> naming the missing or mismatched item.</summary>
    public ChangheInputs Validate()
    {
        var grid = Grid;
        foreach (var code in ClimateCodes)
        {
            if (!Climate.TryGetValue(code, out var r)) throw new ArgumentException($"Climate driver '{code}' is missing; need {string.Join(", ", ClimateCodes)}.", nameof(Climate));
            grid.EnsureSameGrid(r.Grid, "land cover", code);
        }
        grid.EnsureSameGrid(LandDegradation.Grid, "land cover", "LD");
        if (Dem is not null) grid.EnsureSameGrid(Dem.Grid, "land cover", "DEM");
        var cols = SoilSamples.Columns.Select(c => c.Name).ToHashSet();
        foreach (var c in new[] { "x", "y" }.Concat(SoilCodes))
            if (!cols.Contains(c)) throw new ArgumentException($"Soil sample table has no column '{c}'; it needs x, y, {string.Join(", ", SoilCodes)}.", nameof(SoilSamples));
        if (Months.Count == 0) throw new ArgumentException("No monthly CASA inputs.", nameof(Months));
        return this;
    }
}
