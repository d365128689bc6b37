using System.Globalization;
using EcoNotebooks.Rasters;

namespace EcoNotebooks.Classification;

/// <summary>
/// A fixed classification: k classes defined by k + 1 ascending breaks, with names and display colours.
/// Class i (0-based) is [b<sub>i</sub>, b<sub>i+1</sub>) for <see cref="IntervalClosure.Left"/> (the last class
/// also includes b<sub>k</sub>) or (b<sub>i</sub>, b<sub>i+1</sub>] for <see cref="IntervalClosure.Right"/> (the
/// first class also includes b<sub>0</sub>), like R's <c>cut(x, breaks, right = FALSE/TRUE, include.lowest = TRUE)</c>.
/// Values outside [b<sub>0</sub>, b<sub>k</sub>] and missing values are unclassified (−1). Use ±∞ as outer breaks
/// for open-ended classes.
/// </summary>
public sealed record ClassScheme
{
    /// <summary>Creates and validates a scheme.</summary>
    /// <param name="breaks">k + 1 strictly ascending breaks (±∞ allowed at the ends), k ≥ 1.</param>
    /// <param name="names">k class names, lowest class first.</param>
    /// <param name="colours">k colours as "#RRGGBB", or null for a grey ramp.</param>
    /// <param name="closure">Which end of each interval is closed.</param>
    public ClassScheme(IReadOnlyList<double> breaks, IReadOnlyList<string> names, IReadOnlyList<string>? colours = null, IntervalClosure closure = IntervalClosure.Left)
        : this(breaks, names, colours, closure, allowEqualBreaks: false) { }

    private ClassScheme(IReadOnlyList<double> breaks, IReadOnlyList<string> names, IReadOnlyList<string>? colours, IntervalClosure closure, bool allowEqualBreaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(names);
        if (breaks.Count < 2) throw new ArgumentException($"A class scheme needs at least 2 breaks, got {breaks.Count}.", nameof(breaks));
        for (int i = 0; i < breaks.Count; i++)
        {
            if (double.IsNaN(breaks[i])) throw new ArgumentException($"Break {i} is NaN.", nameof(breaks));
            if (i > 0 && !(breaks[i] > breaks[i - 1] || (allowEqualBreaks && breaks[i] == breaks[i - 1])))
                throw new ArgumentException($"Breaks must be strictly ascending: break {i} ({breaks[i].ToString(CultureInfo.InvariantCulture)}) ≤ break {i - 1} ({breaks[i - 1].ToString(CultureInfo.InvariantCulture)}).", nameof(breaks));
        }
        int k = breaks.Count - 1;
        if (names.Count != k) throw new ArgumentException($"{k} classes need {k} names, got {names.Count}.", nameof(names));
        colours ??= Enumerable.Range(0, k).Select(i => { int g = k == 1 ? 128 : 32 + 191 * i / (k - 1); return $"#{g:X2}{g:X2}{g:X2}"; }).ToArray();
        if (colours.Count != k) throw new ArgumentException($"{k} classes need {k} colours, got {colours.Count}.", nameof(colours));
        foreach (var c in colours)
            if (c is null || c.Length != 7 || c[0] != '#' || !int.TryParse(c.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
                throw new ArgumentException($"Colour '{c}' is not of the form #RRGGBB.", nameof(colours));
        Breaks = breaks.ToArray(); Names = names.ToArray(); Colours = colours.ToArray(); Closure = closure;
    }

    /// <summary>k + 1 ascending breaks.</summary>
    public IReadOnlyList<double> Breaks { get; }
    /// <summary>k class names, lowest first.</summary>
    public IReadOnlyList<string> Names { get; }
    /// <summary>k colours "#RRGGBB".</summary>
    public IReadOnlyList<string> Colours { get; }
    /// <summary>Interval closure.</summary>
    public IntervalClosure Closure { get; }
    /// <summary>Number of classes k.</summary>
    public int ClassCount => Breaks.Count - 1;

    /// <summary>
    /// Lingbei ecological-resilience levels (Table 3 of the Lingbei paper): severe &lt; 0.38, poor 0.38–0.41,
    /// moderate 0.41–0.63, good 0.63–0.73, excellent &gt; 0.73. The table's ranges share their end points and its
    /// outer classes are written "&lt; 0.38" and "&gt; 0.73", which no single closure satisfies; this scheme is
    /// left-closed ([0.38, 0.41) is poor), which keeps "severe &lt; 0.38" and the range starts exactly, and puts a
    /// value of exactly 0.73 into excellent. Outer breaks are ±∞.
    /// </summary>
    public static ClassScheme LingbeiResilience { get; } = new(
        [double.NegativeInfinity, 0.38, 0.41, 0.63, 0.73, double.PositiveInfinity],
        ["Severe", "Poor", "Moderate", "Good", "Excellent"],
        ["#D7191C", "#FDAE61", "#FFFFBF", "#A6D96A", "#1A9641"],
        IntervalClosure.Left);

    /// <summary>
    /// A scheme from data-driven breaks (names "[a, b)" style when not given). Tied breaks (quantiles of tied data,
    /// classInt's Jenks) are kept as classInt keeps them: a class between two equal breaks receives no value under
    /// the left-closed rule (or only that value under the right-closed rule), exactly as <see cref="ClassBreaks.ClassOf"/>.
    /// </summary>
    public static ClassScheme FromIntervals(ClassIntervals intervals, IReadOnlyList<string>? names = null, IReadOnlyList<string>? colours = null)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var b = intervals.Breaks;
        static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        names ??= Enumerable.Range(0, b.Count - 1).Select(i => intervals.Closure == IntervalClosure.Left
            ? "[" + F(b[i]) + ", " + F(b[i + 1]) + (i == b.Count - 2 ? "]" : ")")
            : (i == 0 ? "[" : "(") + F(b[i]) + ", " + F(b[i + 1]) + "]").ToArray();
        return new ClassScheme(b, names, colours, intervals.Closure, allowEqualBreaks: true);
    }

    /// <summary>0-based class of <paramref name="value"/>, or −1 when it is NaN or outside [b<sub>0</sub>, b<sub>k</sub>].</summary>
    public int Classify(double value)
    {
        if (double.IsNaN(value) || value < Breaks[0] || value > Breaks[^1]) return -1;
        return ClassBreaks.ClassOf(value, Breaks, Closure);
    }

    /// <summary>
    /// Classifies band <paramref name="band"/> of <paramref name="source"/> block by block into a uint8 raster of
    /// class codes 1…k (code = 0-based class + 1) with nodata 0 for missing or out-of-range pixels.
    /// </summary>
    public Raster ClassifyRaster(IRasterSource source, int band = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ClassCount > 254) throw new InvalidOperationException($"A uint8 class raster holds at most 254 classes; this scheme has {ClassCount}.");
        var result = Raster.Create(source.Grid, PixelType.UInt8, 1, noData: 0);
        var (bw, bh) = source.BlockSize;
        var buf = new double[(long)bw * bh];
        foreach (var w in RasterWindow.Blocks(source.Grid.Width, source.Grid.Height, bw, bh))
        {
            var span = buf.AsSpan(0, (int)w.PixelCount);
            source.ReadWindow(band, w, span);
            for (int i = 0; i < span.Length; i++)
                span[i] = NoData.IsMissing(span[i], source.NoData) ? 0 : Classify(span[i]) + 1;
            result.WriteWindow(0, w, span);
        }
        return result;
    }
}
