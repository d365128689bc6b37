namespace EcoNotebooks.IO;

/// <summary>
/// Writes files atomically: content goes to a temporary file in the same folder, which is renamed over the target only
/// when writing succeeded. An interrupted run never leaves a half-written output, and an input is never overwritten
/// (<see cref="EnsureNotSameFile"/>).
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary path next to <paramref name="path"/>, then renames it into place.</summary>
    /// <param name="path">Final output path.</param>
    /// <param name="write">Writes the complete file to the path it is given.</param>
    public static void Write(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Writes a stream's worth of content atomically.</summary>
    public static void Write(string path, Action<Stream> write) =>
        Write(path, (string tmp) => { using var s = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None); write(s); });

    /// <summary>Writes text atomically (UTF-8 without BOM).</summary>
    public static void WriteAllText(string path, string text) => Write(path, (string tmp) => File.WriteAllText(tmp, text));

    /// <summary>Throws <see cref="IOException"/> when <paramref name="output"/> is the same file as <paramref name="input"/>.</summary>
    public static void EnsureNotSameFile(string input, string output)
    {
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
            throw new IOException($"{output}: refusing to overwrite the input file; choose another output path.");
    }
}
