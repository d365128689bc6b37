using EcoNotebooks.Pipelines.Changhe;
using EcoNotebooks.Samples.Changhe;

namespace EcoNotebooks.Tests.Pipelines.Changhe;

/// <summary>The synthetic Changhe sample and a pipeline over it, generated once per test run (the expensive part).</summary>
internal static class ChangheFixture
{
    private static readonly Lazy<ChangheSample> LazySample = new(() => ChangheGenerator.Generate());
    private static readonly Lazy<ChanghePipeline> LazyPipeline = new(() => ChanghePipeline.FromSample(Sample, new ChangheParameters { Trees = 100 }));

    /// <summary>The default synthetic sample.</summary>
    public static ChangheSample Sample => LazySample.Value;

    /// <summary>Pipeline with 100 trees (faster than the notebook's 200) and the other defaults; steps cache their results.</summary>
    public static ChanghePipeline Pipeline => LazyPipeline.Value;
}
