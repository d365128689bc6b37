namespace EcoNotebooks.IO;

/// <summary>
/// A file could not be read because its content is malformed or unsupported. The message always names the file and,
/// where known, the line and column (text files) or tile/strip (rasters), so it can be printed as one line.
/// </summary>
public sealed class FileFormatException : IOException
{
    /// <summary>Creates the exception; the message becomes "FILE[:LINE[:COLUMN]]: DETAIL".</summary>
    public FileFormatException(string path, string detail, int? line = null, int? column = null, Exception? inner = null)
        : base(Format(path, detail, line, column), inner)
    {
        Path = path; Detail = detail; Line = line; Column = column;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
    /// <summary>What is wrong.</summary>
    public string Detail { get; }
    /// <summary>1-based line, if the file is text.</summary>
    public int? Line { get; }
    /// <summary>1-based column (field number for CSV), if known.</summary>
    public int? Column { get; }

    private static string Format(string path, string detail, int? line, int? column) =>
        line is null ? $"{path}: {detail}" : column is null ? $"{path}:{line}: {detail}" : $"{path}:{line}:{column}: {detail}";
}
