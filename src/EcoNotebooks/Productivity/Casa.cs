namespace EcoNotebooks.Productivity;

/// <summary>
/// Pointwise formulas of the CASA light-use-efficiency model (Potter et al. 1993, Global Biogeochemical Cycles 7: 811;
/// parameterised for China by Zhu Wenquan et al. 2006/2007), as used by the Changhe paper (Eqs. 2–4):
/// NPP = APAR·ε, APAR = SOL·FPAR·0.5, ε = εmax·Tε1·Tε2·Wε. Units: SOL in MJ m⁻² month⁻¹, APAR in MJ m⁻² month⁻¹,
/// ε in gC MJ⁻¹, NPP in gC m⁻² month⁻¹; temperatures in °C; evapotranspiration in mm month⁻¹.
/// NaN in any input gives NaN.
/// </summary>
public static class Casa
{
    /// <summary>Fraction of total solar radiation that is photosynthetically active (Eq. 3).</summary>
    public const double ParFraction = 0.5;

    /// <summary>Simple ratio SR = (1 + NDVI)/(1 − NDVI); NDVI in (−1, 1).</summary>
    public static double SimpleRatio(double ndvi) => ndvi >= 1 ? double.PositiveInfinity : (1 + ndvi) / (1 - ndvi);

    /// <summary>
    /// FPAR from NDVI and SR (Zhu et al. 2006): FPAR_NDVI = (NDVI − NDVImin)/(NDVImax − NDVImin)·(FPARmax − FPARmin) + FPARmin,
    /// FPAR_SR likewise with SR = (1+NDVI)/(1−NDVI), FPAR = α·FPAR_NDVI + (1 − α)·FPAR_SR, clipped to [FPARmin, FPARmax].
    /// </summary>
    /// <param name="ndvi">NDVI of the pixel and month.</param>
    /// <param name="ndviMin">NDVImin of the pixel's land-cover class (e.g. its 5 % percentile).</param>
    /// <param name="ndviMax">NDVImax of the class (e.g. 95 % percentile), &gt; ndviMin.</param>
    /// <param name="p">FPARmin, FPARmax and α.</param>
    public static double Fpar(double ndvi, double ndviMin, double ndviMax, CasaParameters p)
    {
        if (double.IsNaN(ndvi) || double.IsNaN(ndviMin) || double.IsNaN(ndviMax)) return double.NaN;
        if (!(ndviMax > ndviMin)) throw new ArgumentException($"NDVImax ({ndviMax}) must exceed NDVImin ({ndviMin}).", nameof(ndviMax));
        double span = p.FparMax - p.FparMin;
        double fNdvi = (ndvi - ndviMin) / (ndviMax - ndviMin) * span + p.FparMin;
        double srMin = SimpleRatio(ndviMin), srMax = SimpleRatio(ndviMax);
        double fSr = (SimpleRatio(Math.Min(ndvi, 0.9999)) - srMin) / (srMax - srMin) * span + p.FparMin;
        double f = p.NdviWeight * Math.Clamp(fNdvi, p.FparMin, p.FparMax) + (1 - p.NdviWeight) * Math.Clamp(fSr, p.FparMin, p.FparMax);
        return Math.Clamp(f, p.FparMin, p.FparMax);
    }

    /// <summary>APAR = SOL·FPAR·0.5 (Eq. 3), MJ m⁻² month⁻¹. <paramref name="sol"/>: total solar radiation, MJ m⁻² month⁻¹.</summary>
    public static double Apar(double sol, double fpar) => sol * fpar * ParFraction;

    /// <summary>
    /// Low-temperature stress Tε1 = 0.8 + 0.02·Topt − 0.0005·Topt² (Potter et al. 1993), where Topt (°C) is the mean
    /// temperature of the month with the highest NDVI of the year. Set to 0 by <see cref="Epsilon"/> in months at or
    /// below the minimum temperature.
    /// </summary>
    public static double TEpsilon1(double topt) => 0.8 + 0.02 * topt - 0.0005 * topt * topt;

    /// <summary>
    /// High/low-temperature deviation stress Tε2 = 1.1814 / {1 + exp[0.2(Topt − 10 − T)]} / {1 + exp[0.3(−Topt − 10 + T)]}
    /// (Potter et al. 1993). When T is 10 °C above or 13 °C below Topt, Tε2 is half of its value at T = Topt.
    /// </summary>
    /// <param name="t">Monthly mean air temperature, °C.</param>
    /// <param name="topt">Optimum temperature, °C.</param>
    public static double TEpsilon2(double t, double topt) =>
        1.1814 / (1 + Math.Exp(0.2 * (topt - 10 - t))) / (1 + Math.Exp(0.3 * (-topt - 10 + t)));

    /// <summary>
    /// Water stress Wε = 0.5 + 0.5·EET/PET (Potter et al. 1993), in [0.5, 1]. With PET ≤ 0 (frozen or dry-dormant
    /// month) Wε = 1 by convention, as in Zhu et al. (2006).
    /// </summary>
    /// <param name="eet">Estimated (actual) evapotranspiration, mm month⁻¹.</param>
    /// <param name="pet">Potential evapotranspiration, mm month⁻¹.</param>
    public static double WEpsilon(double eet, double pet)
    {
        if (double.IsNaN(eet) || double.IsNaN(pet)) return double.NaN;
        if (pet <= 0) return 1;
        return 0.5 + 0.5 * Math.Clamp(eet / pet, 0, 1);
    }

    /// <summary>
    /// Regional actual evapotranspiration (Zhou Guangsheng &amp; Zhang Xinshi 1995), mm month⁻¹:
    /// EET = P·Rn·(P² + Rn² + P·Rn) / [(P + Rn)(P² + Rn²)], with P precipitation (mm) and Rn net radiation expressed
    /// as its evaporation equivalent (mm). Returns 0 when P + Rn = 0.
    /// </summary>
    public static double EstimatedEvapotranspiration(double precipitation, double netRadiationMm)
    {
        double p = Math.Max(precipitation, 0), r = Math.Max(netRadiationMm, 0);
        if (p + r == 0) return 0;
        return p * r * (p * p + r * r + p * r) / ((p + r) * (p * p + r * r));
    }

    /// <summary>
    /// Potential evapotranspiration of the CASA water-stress term: PET = (EET + PET₀)/2 (Potter et al. 1993), with PET₀ a
    /// reference (e.g. Thornthwaite, <see cref="ThornthwaitePet"/>), mm month⁻¹.
    /// </summary>
    public static double PotentialEvapotranspiration(double eet, double pet0) => 0.5 * (eet + pet0);

    /// <summary>
    /// Thornthwaite (1948) potential evapotranspiration, mm month⁻¹ (30-day month, 12-hour days):
    /// PET₀ = 16·(10T/I)^a for 0 &lt; T ≤ 26.5 °C (0 for T ≤ 0), a = 6.75e−7 I³ − 7.71e−5 I² + 1.792e−2 I + 0.49239,
    /// I = Σ over the 12 months of (T/5)^1.514 (T &gt; 0); above 26.5 °C the Willmott et al. (1985) form −415.85 + 32.24T − 0.43T².
    /// </summary>
    /// <param name="t">Monthly mean temperature, °C.</param>
    /// <param name="heatIndex">Annual heat index I (&gt; 0).</param>
    public static double ThornthwaitePet(double t, double heatIndex)
    {
        if (double.IsNaN(t)) return double.NaN;
        if (t <= 0 || heatIndex <= 0) return 0;
        if (t > 26.5) return -415.85 + 32.24 * t - 0.43 * t * t;
        double a = 6.75e-7 * Math.Pow(heatIndex, 3) - 7.71e-5 * heatIndex * heatIndex + 1.792e-2 * heatIndex + 0.49239;
        return 16 * Math.Pow(10 * t / heatIndex, a);
    }

    /// <summary>Thornthwaite heat index I = Σ (T/5)^1.514 over months with T &gt; 0 °C.</summary>
    public static double HeatIndex(IEnumerable<double> monthlyTemperatures) =>
        monthlyTemperatures.Where(t => t > 0).Sum(t => Math.Pow(t / 5, 1.514));

    /// <summary>
    /// Light-use efficiency ε = εmax·Tε1·Tε2·Wε (Eq. 4), gC MJ⁻¹; 0 when the month's mean temperature is at or below
    /// <see cref="CasaParameters.MinimumTemperature"/>.
    /// </summary>
    public static double Epsilon(double epsilonMax, double t, double topt, double wEpsilon, CasaParameters p)
    {
        if (double.IsNaN(t) || double.IsNaN(topt) || double.IsNaN(wEpsilon)) return double.NaN;
        if (t <= p.MinimumTemperature) return 0;
        return epsilonMax * TEpsilon1(topt) * TEpsilon2(t, topt) * wEpsilon;
    }

    /// <summary>NPP = APAR·ε (Eq. 2), gC m⁻² month⁻¹.</summary>
    public static double Npp(double apar, double epsilon) => apar * epsilon;
}
