namespace EcoNotebooks.Samples.Lingbei;

/// <summary>
/// A mine site of the synthetic Lingbei sample: centre, the radius of its bare ground per study year (it grows while
/// the site is mined and then stays), the fraction of that ground reclaimed (re-vegetated) per year, and the radius
/// of the zone used for its zonal statistics.
/// </summary>
/// <param name="Name">Site name (the paper's Chenaoxia and Longchuankeng, and unnamed "Mine A"… sites).</param>
/// <param name="Code">Zone code in sites.tif (1, 2, …).</param>
/// <param name="Col">Centre column (pixel units, 0 = left edge).</param>
/// <param name="Row">Centre row.</param>
/// <param name="Radius">Nominal radius of the bare footprint per study year, pixels (0 = not yet opened); the footprint edge is irregular.</param>
/// <param name="Reclaimed">Fraction of the footprint reclaimed per study year, 0–1.</param>
/// <param name="ZoneRadius">Radius of the site's zone (zonal statistics), pixels.</param>
public sealed record LingbeiMineSite(string Name, int Code, double Col, double Row, double[] Radius, double[] Reclaimed, double ZoneRadius);
