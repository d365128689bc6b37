using Microsoft.Data.Analysis;

namespace EcoNotebooks.Pipelines.Jiangcang;

/// <summary>Small helper that builds a <see cref="DataFrame"/> column by column (text, double, nullable double, int).</summary>
internal sealed class FrameBuilder
{
    private readonly List<DataFrameColumn> _columns = [];

    public FrameBuilder Text(string name, IEnumerable<string> values) { _columns.Add(new StringDataFrameColumn(name, values)); return this; }
    public FrameBuilder Number(string name, IEnumerable<double> values) { _columns.Add(new DoubleDataFrameColumn(name, values)); return this; }
    public FrameBuilder Number(string name, IEnumerable<double?> values) { _columns.Add(new DoubleDataFrameColumn(name, values)); return this; }
    public FrameBuilder Integer(string name, IEnumerable<int> values) { _columns.Add(new Int32DataFrameColumn(name, values)); return this; }
    public FrameBuilder Integer(string name, IEnumerable<long> values) { _columns.Add(new Int64DataFrameColumn(name, values)); return this; }
    public DataFrame Build() => new(_columns);
}
