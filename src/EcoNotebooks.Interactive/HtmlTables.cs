using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;

namespace EcoNotebooks.Interactive;

/// <summary>
/// HTML tables for notebook output: DataFrames as paged tables (all pages in the output, so saved notebooks and
/// reports keep them; a few lines of script switch pages), result records as property tables, and lists of records
/// as one row per record. Numbers use the invariant culture with up to 6 significant digits; missing values show
/// as an empty cell. Python equivalent: pandas <c>DataFrame._repr_html_</c>.
/// </summary>
public static class HtmlTables
{
    /// <summary>Rows rendered at most (the rest is summarised in a footer line).</summary>
    public const int MaxRows = 10_000;

    /// <summary>A paged HTML table of <paramref name="df"/>, <paramref name="pageSize"/> (≥ 1) rows per page.</summary>
    public static string DataFrame(DataFrame df, int pageSize = 15)
    {
        ArgumentNullException.ThrowIfNull(df);
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "Page size must be at least 1.");
        long n = df.Rows.Count;
        int shown = (int)Math.Min(n, MaxRows);
        int pages = Math.Max(1, (shown + pageSize - 1) / pageSize);
        string id = "econb-t" + Guid.NewGuid().ToString("N")[..12];
        var sb = new StringBuilder();
        sb.Append($"<div class=\"econb-table\" id=\"{id}\"><table><thead><tr><th></th>");
        foreach (var col in df.Columns)
            sb.Append("<th>").Append(Enc(col.Name)).Append("<br><small>").Append(Enc(TypeName(col.DataType))).Append("</small></th>");
        sb.Append("</tr></thead>");
        for (int p = 0; p < pages; p++)
        {
            sb.Append($"<tbody data-page=\"{p}\"{(p == 0 ? "" : " style=\"display:none\"")}>");
            for (int r = p * pageSize; r < Math.Min(shown, (p + 1) * pageSize); r++)
            {
                sb.Append("<tr><th>").Append(r).Append("</th>");
                foreach (var col in df.Columns) sb.Append("<td>").Append(Enc(Cell(col[r]))).Append("</td>");
                sb.Append("</tr>");
            }
            sb.Append("</tbody>");
        }
        sb.Append("</table>");
        sb.Append($"<div class=\"econb-pager\"><small>{n} rows × {df.Columns.Count} columns");
        if (n > MaxRows) sb.Append($"; first {MaxRows} shown");
        sb.Append("</small>");
        if (pages > 1)
        {
            sb.Append($" <button type=\"button\" onclick=\"econbPage('{id}',-1)\">◀</button> <span class=\"econb-pageno\">1</span>/{pages} <button type=\"button\" onclick=\"econbPage('{id}',1)\">▶</button>");
            sb.Append("<script>window.econbPage=window.econbPage||function(id,d){var t=document.getElementById(id),b=t.querySelectorAll('tbody'),i=0;for(var k=0;k<b.length;k++)if(b[k].style.display!=='none')i=k;var j=Math.min(b.length-1,Math.max(0,i+d));b[i].style.display='none';b[j].style.display='';t.querySelector('.econb-pageno').textContent=j+1;};</script>");
        }
        sb.Append("</div></div>");
        return sb.ToString();
    }

    /// <summary>A two-column (property, value) table of a record's public properties.</summary>
    public static string Record(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sb = new StringBuilder("<table class=\"econb-record\"><thead><tr><th colspan=\"2\">");
        sb.Append(Enc(record.GetType().Name)).Append("</th></tr></thead><tbody>");
        foreach (var p in Properties(record.GetType()))
            sb.Append("<tr><th>").Append(Enc(p.Name)).Append("</th><td>").Append(Enc(Cell(p.GetValue(record)))).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A table with one row per item and one column per public property of <typeparamref name="T"/>.</summary>
    public static string Rows<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var props = Properties(typeof(T));
        var sb = new StringBuilder("<table class=\"econb-rows\"><thead><tr>");
        foreach (var p in props) sb.Append("<th>").Append(Enc(p.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        int count = 0;
        foreach (var item in items)
        {
            if (++count > MaxRows) break;
            sb.Append("<tr>");
            foreach (var p in props) sb.Append("<td>").Append(Enc(Cell(item is null ? null : p.GetValue(item)))).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>True for C# records (compiler-generated <c>&lt;Clone&gt;$</c> method or record struct <c>PrintMembers</c>).</summary>
    public static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic) is not null);

    /// <summary>Invariant text of a cell value: numbers with up to 6 significant digits, null and NaN as empty.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        float f when float.IsNaN(f) => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(20).Select(Cell)) + (e.Cast<object?>().Skip(20).Any() ? ", …]" : "]"),
        _ => value.ToString() ?? "",
    };

    private static PropertyInfo[] Properties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();

    private static string TypeName(Type t) => t == typeof(double) ? "double" : t == typeof(float) ? "float" : t == typeof(int) ? "int" : t == typeof(long) ? "long" : t == typeof(string) ? "string" : t == typeof(bool) ? "bool" : t.Name;

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
