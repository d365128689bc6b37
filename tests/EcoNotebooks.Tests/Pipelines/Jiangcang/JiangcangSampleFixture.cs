using EcoNotebooks.Pipelines.Jiangcang;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Pipelines.Jiangcang;

/// <summary>The committed sample (data-samples/jiangcang) with FVC and trends computed once for all tests.</summary>
public sealed class JiangcangSampleFixture
{
    public JiangcangSampleFixture()
    {
        Inputs = JiangcangInputs.FromFolder(RepoPaths.Of("data-samples", "jiangcang"));
        Fvc = JiangcangFvc.Compute(Inputs, Parameters);
        Trend = JiangcangTrend.Compute(Fvc, Parameters);
    }

    public JiangcangParameters Parameters { get; } = new();
    public JiangcangInputs Inputs { get; }
    public JiangcangFvcResult Fvc { get; }
    public JiangcangTrendResult Trend { get; }
}

[CollectionDefinition("jiangcang-sample")]
public sealed class JiangcangSampleCollection : ICollectionFixture<JiangcangSampleFixture>;
