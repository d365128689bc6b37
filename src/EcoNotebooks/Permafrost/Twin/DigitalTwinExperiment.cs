using EcoNotebooks.Permafrost.Numerics;
using EcoNotebooks.Permafrost.Samples;

namespace EcoNotebooks.Permafrost.Twin;

/// <summary>
/// A synthetic-truth ("twin") experiment: a truth run with known multipliers, sparse noisy observations sampled from it,
/// and a model started from the prior (multipliers 1). Everything is seeded.
/// </summary>
/// <param name="Column">Column options.</param>
/// <param name="Air">Daily forcing, °C.</param>
/// <param name="TrueScales">Multipliers of the truth run.</param>
/// <param name="Design">Observation network.</param>
/// <param name="SpinUpYears">Spin-up years for truth and model.</param>
/// <param name="Seed">Observation noise seed.</param>
public sealed record DigitalTwinExperiment(GroundColumnOptions Column, double[] Air, PropertyScales<Real> TrueScales, ObservationDesign Design, int SpinUpYears = 5, int Seed = 11)
{
    /// <summary>
    /// The default experiment: the Muli permafrost profile cut at 20 m, <paramref name="years"/> of Muli-like forcing
    /// (seed <paramref name="seed"/>), truth multipliers kt × 1.3, kf × 0.8, θ × 1.15, and a borehole read every 5 days
    /// at 0.5, 1, 2, 3, 5, 8, 12 m with σ = <paramref name="noiseSd"/> K.
    /// </summary>
    public static DigitalTwinExperiment Muli(int years = 2, int seed = 11, double noiseSd = 0.1, ObservationDesign? design = null)
    {
        var layers = XiningSamples.MuliProfile().ToList();
        double above = layers.Take(layers.Count - 1).Sum(l => l.Thickness);
        layers[^1] = layers[^1] with { Thickness = 20 - above };
        var column = new GroundColumnOptions { Layers = layers, Surface = XiningSamples.MuliSurface(), Grid = new GridOptions(0.05, 1.12, 1.5) };
        return new DigitalTwinExperiment(column, XiningSamples.AirTemperature(XiningSite.Muli, years, seed), new PropertyScales<Real>(1.3, 0.8, 1.15, 1.0),
            design ?? ObservationDesign.Borehole(noiseSd: noiseSd), 5, seed);
    }

    /// <summary>The forward model.</summary>
    public TwinModel Model() => new(Column, Air, SpinUpYears);

    /// <summary>The truth field [day, cell].</summary>
    public double[,] Truth() => Model().Field(TrueScales);

    /// <summary>Observations of the truth.</summary>
    public IReadOnlyList<Observation> Observations(double[,] truth) => Design.Sample(truth, Model().Grid, Seed);
}
