using EcoNotebooks.Fusion;
using EcoNotebooks.Rasters;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Changhe;

/// <summary>
/// ESTARFM demonstration (paper section 2.2.1, Eq. 1): fine NDVI at base months tm and tn plus coarse NDVI at tm, tn and
/// tp predict the fine NDVI at tp, compared with the fine image actually observed at tp.
/// </summary>
/// <param name="Year">Year of the three months.</param>
/// <param name="Months">(tm, tp, tn).</param>
/// <param name="FineFirst">Fine NDVI at tm.</param>
/// <param name="FineSecond">Fine NDVI at tn.</param>
/// <param name="CoarsePrediction">Coarse NDVI at tp on the fine grid (the "before" image).</param>
/// <param name="Predicted">ESTARFM prediction at tp (the "after" image).</param>
/// <param name="Truth">Observed fine NDVI at tp.</param>
/// <param name="Metrics">Table: image (coarse at tp / ESTARFM at tp), RMSE, mean bias, Pearson r against the truth, pixels.</param>
public sealed record FusionDemoResult(int Year, (int First, int Prediction, int Second) Months, Raster FineFirst, Raster FineSecond,
    Raster CoarsePrediction, Raster Predicted, Raster Truth, DataFrame Metrics)
{
    /// <summary>RMSE of the ESTARFM prediction against the truth (NDVI units).</summary>
    public double Rmse => (double)Metrics.Columns["rmse"][1]!;
    /// <summary>RMSE of the coarse image at tp against the truth (the baseline ESTARFM improves on).</summary>
    public double CoarseRmse => (double)Metrics.Columns["rmse"][0]!;

    /// <summary>Runs the demonstration.</summary>
    internal static FusionDemoResult Run(ChangheInputs inputs, ChangheParameters p)
    {
        if (inputs.FineNdvi is null || inputs.CoarseNdvi is null)
            throw new InvalidOperationException("These inputs have no fine/coarse NDVI pairs, so the ESTARFM demonstration cannot run (the rest of the pipeline does not need it).");
        int y = p.DemoYear, tm = p.FusionFirstBaseMonth, tp = p.FusionPredictionMonth, tn = p.FusionSecondBaseMonth;
        var fm = Raster.Load(inputs.FineNdvi(y, tm)); var fn = Raster.Load(inputs.FineNdvi(y, tn));
        var cm = Raster.Load(inputs.CoarseNdvi(y, tm)); var cn = Raster.Load(inputs.CoarseNdvi(y, tn)); var cp = Raster.Load(inputs.CoarseNdvi(y, tp));
        var truth = Raster.Load(inputs.FineNdvi(y, tp));
        var pred = Estarfm.Predict(fm, cm, fn, cn, cp, new EstarfmOptions { WindowSize = p.FusionWindowSize });
        var t = truth[0].ToDoubleArray();
        var rows = new[] { ("coarse NDVI at tp (before fusion)", cp[0].ToDoubleArray()), ("ESTARFM prediction at tp", pred[0].ToDoubleArray()) }
            .Select(r => (r.Item1, Compare(r.Item2, t))).ToArray();
        var df = new DataFrame(
            ChangheTables.Text("image", rows.Select(r => r.Item1)),
            ChangheTables.Number("rmse", rows.Select(r => r.Item2.Rmse)),
            ChangheTables.Number("bias", rows.Select(r => r.Item2.Bias)),
            ChangheTables.Number("r", rows.Select(r => r.Item2.R)),
            ChangheTables.Count("pixels", rows.Select(r => r.Item2.N)));
        return new FusionDemoResult(y, (tm, tp, tn), fm, fn, cp, pred, truth, df);
    }

    /// <summary>RMSE, mean bias (a − b) and Pearson r over pixels valid in both.</summary>
    internal static (double Rmse, double Bias, double R, long N) Compare(double[] a, double[] b)
    {
        var xs = new List<double>(); var ys = new List<double>();
        for (int i = 0; i < a.Length; i++) if (!double.IsNaN(a[i]) && !double.IsNaN(b[i])) { xs.Add(a[i]); ys.Add(b[i]); }
        if (xs.Count == 0) return (double.NaN, double.NaN, double.NaN, 0);
        double se = 0, bias = 0;
        for (int i = 0; i < xs.Count; i++) { double d = xs[i] - ys[i]; se += d * d; bias += d; }
        double r = Statistics.Correlation.Pearson(xs, ys) ?? double.NaN;
        return (Math.Sqrt(se / xs.Count), bias / xs.Count, r, xs.Count);
    }
}
