namespace EcoNotebooks.Learning;

/// <summary>
/// Settings of <see cref="RandomForestRegression"/>, named and defaulted as R's <c>randomForest()</c> does for
/// regression (<c>ntree = 500, mtry = max(floor(p/3), 1), nodesize = 5, maxnodes = NULL, replace = TRUE,
/// sampsize = n, importance = FALSE</c>; here importance defaults to on because the analyses need it).
/// </summary>
public sealed record RandomForestOptions
{
    /// <summary>Number of trees, ≥ 1 (R: <c>ntree</c>, default 500).</summary>
    public int Trees { get; init; } = 500;

    /// <summary>
    /// Features tried at each split, 1 ≤ mtry ≤ p; null means max(⌊p/3⌋, 1), R's regression default (R: <c>mtry</c>).
    /// The candidates are drawn without replacement; a candidate that is constant in the node still counts as tried.
    /// </summary>
    public int? Mtry { get; init; }

    /// <summary>
    /// Node size, ≥ 1 (R: <c>nodesize</c>, default 5 for regression). As in randomForest's C code, a node is split only
    /// when it holds more than <c>NodeSize</c> (bootstrap) cases; a split may still produce a smaller child.
    /// </summary>
    public int NodeSize { get; init; } = 5;

    /// <summary>
    /// Maximum number of terminal nodes per tree, ≥ 1, or null for no limit (R: <c>maxnodes</c>; internally a budget of
    /// 2·MaxNodes − 1 nodes, as randomForest's <c>nrnodes</c>). Nodes are split breadth first, as in randomForest, so a
    /// limited tree is the first MaxNodes leaves of the breadth-first growth.
    /// </summary>
    public int? MaxNodes { get; init; }

    /// <summary>Draw the per-tree sample with replacement (bootstrap; R: <c>replace</c>, default TRUE).</summary>
    public bool Replace { get; init; } = true;

    /// <summary>
    /// Cases drawn per tree, 1 ≤ SampleSize (≤ n without replacement); null means n with replacement and ⌈0.632·n⌉
    /// without (R: <c>sampsize</c>). <c>Replace = false, SampleSize = n</c> grows every tree on all the data (no OOB rows).
    /// </summary>
    public int? SampleSize { get; init; }

    /// <summary>
    /// Master seed. Tree t uses its own xoshiro256** generator seeded from (Seed, t) through SplitMix64, so a seed gives the
    /// same forest for any <see cref="DegreeOfParallelism"/>. R's stream (set.seed + unif_rand) is not reproduced:
    /// results agree with R statistically, not bit for bit.
    /// </summary>
    public long Seed { get; init; } = 1;

    /// <summary>Compute permutation importance (%IncMSE) after each tree (R: <c>importance = TRUE</c>). IncNodePurity is always computed.</summary>
    public bool ComputeImportance { get; init; } = true;

    /// <summary>Maximum threads used to grow trees and predict, ≥ 1, or null for all cores (<see cref="Environment.ProcessorCount"/>).</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Trees < 1) throw new ArgumentOutOfRangeException(nameof(Trees), Trees, "Trees must be at least 1.");
        if (Mtry is int m && m < 1) throw new ArgumentOutOfRangeException(nameof(Mtry), m, "Mtry must be at least 1.");
        if (NodeSize < 1) throw new ArgumentOutOfRangeException(nameof(NodeSize), NodeSize, "NodeSize must be at least 1.");
        if (MaxNodes is int mx && mx < 1) throw new ArgumentOutOfRangeException(nameof(MaxNodes), mx, "MaxNodes must be at least 1.");
        if (SampleSize is int s && s < 1) throw new ArgumentOutOfRangeException(nameof(SampleSize), s, "SampleSize must be at least 1.");
        if (DegreeOfParallelism is int d && d < 1) throw new ArgumentOutOfRangeException(nameof(DegreeOfParallelism), d, "DegreeOfParallelism must be at least 1.");
    }
}
