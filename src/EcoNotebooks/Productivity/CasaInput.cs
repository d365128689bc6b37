using EcoNotebooks.Rasters;

namespace EcoNotebooks.Productivity;

/// <summary>One month of CASA drivers, all on one grid.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Month 1–12.</param>
/// <param name="Ndvi">NDVI (e.g. the monthly maximum of the fused 16-day series), dimensionless.</param>
/// <param name="Temperature">Monthly mean air temperature, °C.</param>
/// <param name="Precipitation">Monthly precipitation, mm.</param>
/// <param name="SolarRadiation">Total solar radiation SOL, MJ m⁻² month⁻¹.</param>
/// <param name="Evapotranspiration">Estimated actual evapotranspiration EET, mm month⁻¹; when null it is computed from precipitation and net radiation (Zhou &amp; Zhang 1995) with Rn ≈ 0.6·SOL converted at 2.45 MJ kg⁻¹.</param>
public sealed record CasaMonth(int Year, int Month, IRasterSource Ndvi, IRasterSource Temperature, IRasterSource Precipitation, IRasterSource SolarRadiation, IRasterSource? Evapotranspiration = null);

/// <summary>Inputs of a CASA run: land cover and complete years of monthly drivers (12 months per year, any order).</summary>
/// <param name="LandCover">uint8 raster of <see cref="LandCoverClass"/> codes.</param>
/// <param name="Months">Monthly drivers; every year must have all 12 months.</param>
public sealed record CasaInput(IRasterSource LandCover, IReadOnlyList<CasaMonth> Months);
