using EcoNotebooks.Interactive.Runner;

namespace EcoNotebooks.Tests.Interactive.Runner;

public class NotebookParametersTests
{
    [Theory]
    [InlineData("5", "var n = 5;")]
    [InlineData("-12", "var n = -12;")]
    [InlineData("0.05", "var n = 0.05;")]
    [InlineData("1e-3", "var n = 0.001;")]
    [InlineData("true", "var n = true;")]
    [InlineData("false", "var n = false;")]
    [InlineData("Hill site", "var n = \"Hill site\";")]
    [InlineData("say \"hi\"\n", "var n = \"say \\\"hi\\\"\\n\";")]
    [InlineData("[2001, 2005]", "var n = new int[] { 2001, 2005 };")]
    [InlineData("[0.5, 2]", "var n = new double[] { 0.5, 2.0 };")]
    [InlineData("[\"a\", \"b\"]", "var n = new string[] { \"a\", \"b\" };")]
    [InlineData("[true, false]", "var n = new bool[] { true, false };")]
    [InlineData("[not json", "var n = \"[not json\";")]
    public void Values_are_typed_from_their_text(string value, string expected)
    {
        var (literal, type) = NotebookParameters.Literal(value);
        Assert.Equal(expected, $"var n = {literal};");
        Assert.False(string.IsNullOrEmpty(type));
    }

    [Fact]
    public void Inferred_types_are_declared_when_the_parameters_cell_uses_var()
    {
        Assert.Equal("int years = 10;", NotebookParameters.Declaration("years", "10"));
        Assert.Equal("double alpha = 0.1;", NotebookParameters.Declaration("alpha", "0.1"));
        Assert.Equal("string site = \"A\";", NotebookParameters.Declaration("site", "A"));
    }

    [Fact]
    public void Declared_type_wins_so_an_integer_text_stays_a_double()
    {
        // Guards against `-p alpha=1` turning a double parameter into an int (integer division downstream).
        Assert.Equal("double alpha = 1;", NotebookParameters.Declaration("alpha", "1", "double"));
        Assert.Equal("double[] w = new double[] { 1.0, 2.0 };", NotebookParameters.Declaration("w", "[1, 2]", "double[]"));
    }

    [Fact]
    public void Declared_types_are_read_from_the_parameters_cell()
    {
        var types = NotebookParameters.DeclaredTypes("// parameters\ndouble alpha = 0.05; var site = \"A\";\nint[] years = { 1, 2 };\n");
        Assert.Equal("double", types["alpha"]);
        Assert.Equal("var", types["site"]);
        Assert.Equal("int[]", types["years"]);
    }

    [Fact]
    public void Pairs_are_parsed_and_bad_ones_rejected_naming_the_value()
    {
        var pairs = NotebookParameters.ParsePairs(["a=1", "b=x=y", "a=2"]);
        Assert.Equal([new("a", "2"), new("b", "x=y")], pairs);
        Assert.Contains("'novalue'", Assert.Throws<ArgumentException>(() => NotebookParameters.ParsePairs(["novalue"])).Message);
        Assert.Contains("'1x'", Assert.Throws<ArgumentException>(() => NotebookParameters.ParsePairs(["1x=3"])).Message);
    }

    [Fact]
    public void Override_cell_is_inserted_right_after_the_tagged_cell()
    {
        var doc = new NotebookDocument();
        doc.Cells.Add(new NotebookCell(CellKind.Markdown, "# t", "markdown"));
        doc.Cells.Add(new NotebookCell(CellKind.Code, "setup()"));
        var p = new NotebookCell(CellKind.Code, "double alpha = 0.05;"); p.Tags.Add("parameters");
        doc.Cells.Add(p);
        doc.Cells.Add(new NotebookCell(CellKind.Code, "alpha"));
        var warnings = new List<string>();
        var injected = NotebookParameters.Inject(doc, NotebookParameters.ParsePairs(["alpha=1", "extra=x"]), warnings);
        Assert.Same(injected, doc.Cells[3]);
        Assert.Contains("injected-parameters", injected!.Tags);
        Assert.Contains("double alpha = 1;", injected.Source);
        Assert.Contains("string extra = \"x\";", injected.Source);
        Assert.Single(warnings);
        Assert.Contains("'extra'", warnings[0]);
    }

    [Fact]
    public void Dib_style_comment_marks_the_parameters_cell_and_a_missing_one_is_an_error()
    {
        var doc = NotebookFile.ParseDib("#!csharp\n\n1+1\n\n#!csharp\n\n// parameters\nint n = 3;\n");
        Assert.Equal(1, NotebookParameters.FindParametersCell(doc));
        var none = NotebookFile.ParseDib("#!csharp\n\n1+1\n");
        var ex = Assert.Throws<ArgumentException>(() => NotebookParameters.Inject(none, NotebookParameters.ParsePairs(["n=4"])));
        Assert.Contains("no parameters cell", ex.Message);
    }
}
