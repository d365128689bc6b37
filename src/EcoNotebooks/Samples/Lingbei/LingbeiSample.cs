using EcoNotebooks.Indicators;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Samples.Lingbei;

/// <summary>One study year of the synthetic Lingbei sample.</summary>
/// <param name="Year">Year.</param>
/// <param name="Sensor">Landsat 5 TM (2000–2010) or Landsat 8 OLI (2016, 2020).</param>
/// <param name="AcquisitionDate">Nominal acquisition date (the paper's images are from August–December).</param>
/// <param name="Atmosphere">τ, L↑, L↓ of the scene for the LST inversion.</param>
/// <param name="LandCover">uint8 CLCD codes (1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 7 barren, 8 impervious).</param>
/// <param name="Landsat">int16, 7 bands: blue, green, red, NIR, SWIR1, SWIR2 surface reflectance × 10 000 and thermal at-sensor radiance × 1000 (W m⁻² sr⁻¹ µm⁻¹); nodata −32768. Null when not generated.</param>
/// <param name="Rainfall">int16, 12 bands: monthly rainfall January–December × 10 (mm).</param>
/// <param name="Population">float32 persons per pixel.</param>
/// <param name="Pm25">float32 PM2.5, µg m⁻³.</param>
/// <param name="Co2">float32 CO2 emission density, t km⁻² a⁻¹.</param>
public sealed record LingbeiSampleYear(int Year, Sensor Sensor, DateOnly AcquisitionDate, AtmosphericProfile Atmosphere, Raster LandCover,
    Raster? Landsat, Raster Rainfall, Raster Population, Raster Pm25, Raster Co2);

/// <summary>The synthetic Lingbei sample in memory (see <see cref="LingbeiGenerator"/>). SYNTHETIC data.</summary>
/// <param name="Options">Options it was generated with.</param>
/// <param name="Dem">int16 elevation, m.</param>
/// <param name="Erodibility">int16 soil erodibility K × 10 000 (t ha h ha⁻¹ MJ⁻¹ mm⁻¹).</param>
/// <param name="Sites">uint8 site zones (codes of <see cref="LingbeiGenerator.Sites"/>, 0 = none).</param>
/// <param name="Years">The five study years.</param>
public sealed record LingbeiSample(LingbeiSampleOptions Options, Raster Dem, Raster Erodibility, Raster Sites, IReadOnlyList<LingbeiSampleYear> Years);
