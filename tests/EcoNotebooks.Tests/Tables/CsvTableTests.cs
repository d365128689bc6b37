using EcoNotebooks.IO;
using EcoNotebooks.Tables;
using EcoNotebooks.Tests.TestSupport;

namespace EcoNotebooks.Tests.Tables;

public class CsvTableTests
{
    private static Microsoft.Data.Analysis.DataFrame Parse(string text, params string[] numeric) =>
        CsvTable.Read(new StringReader(text), "t.csv", numeric);

    [Fact]
    public void Reads_numeric_and_text_columns_with_quotes_and_missing()
    {
        var df = Parse("plot,name,value\n1,\"a, b\",2.5\n2,\"say \"\"hi\"\"\",NA\n");
        Assert.Equal(2, df.Rows.Count);
        Assert.Equal(new[] { 2.5, double.NaN }, CsvTable.NumericColumn(df, "value"));
        Assert.Equal("a, b", CsvTable.TextColumn(df, "name")[0]);
        Assert.Equal("say \"hi\"", CsvTable.TextColumn(df, "name")[1]);
    }

    [Fact]
    public void Ragged_row_names_line_and_column()
    {
        var ex = Assert.Throws<FileFormatException>(() => Parse("a,b,c\n1,2,3\n4,5\n"));
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("t.csv:3:", ex.Message);
    }

    [Fact]
    public void Text_in_numeric_column_names_line_column_and_value()
    {
        var ex = Assert.Throws<FileFormatException>(() => Parse("a,b\n1,2\n3,x7\n", "b"));
        Assert.Equal("t.csv:3:2: column 'b' must be numeric but has 'x7'.", ex.Message);
    }

    [Fact]
    public void Empty_file_and_duplicate_header_are_errors()
    {
        Assert.Contains("empty", Assert.Throws<FileFormatException>(() => Parse("")).Message);
        var ex = Assert.Throws<FileFormatException>(() => Parse("a,b,a\n1,2,3\n"));
        Assert.Contains("duplicate column name 'a'", ex.Message);
        Assert.Equal(3, ex.Column);
    }

    [Fact]
    public void Write_then_read_round_trips_atomically()
    {
        using var tmp = new TempDir();
        var df = Parse("x,y,label\n1.25,-3e-5,\"q,r\"\n2,,z\n");
        var path = tmp.File("out.csv");
        CsvTable.Write(df, path);
        var back = CsvTable.Read(path);
        Assert.Equal(CsvTable.NumericColumn(df, "y"), CsvTable.NumericColumn(back, "y"));
        Assert.Equal(CsvTable.TextColumn(df, "label"), CsvTable.TextColumn(back, "label"));
        Assert.Single(Directory.GetFiles(tmp.Path)); // no temp file left behind
    }
}
