// SPDX-License-Identifier: MIT

using System.Text.Json.Nodes;

namespace OrleansProofs.Cli.Gateway;

/// <summary>
/// A plain-text table for people: a header row and left-aligned columns padded to their widest cell,
/// two spaces apart. Values are printed whole (chain ids are meant to be copied), never truncated.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>The number of data rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; it must have one cell per header.</summary>
    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the header and every row to <paramref name="writer"/>.</summary>
    public void WriteTo(TextWriter writer)
    {
        int[] widths = new int[headers.Length];
        foreach (string[] row in _rows.Prepend(headers))
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in _rows.Prepend(headers))
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    /// <summary>Writes <c>name  value</c> lines, the values aligned after the longest name (a summary of one item).</summary>
    public static void WritePairs(TextWriter writer, IReadOnlyList<(string Name, string Value)> pairs)
    {
        int width = pairs.Count == 0 ? 0 : pairs.Max(p => p.Name.Length);
        foreach ((string name, string value) in pairs)
        {
            writer.WriteLine($"{name.PadRight(width)}  {value}");
        }
    }

    /// <summary>A JSON member's value as table text: strings bare, null as '-', numbers and booleans as JSON.</summary>
    public static string Cell(JsonNode? value) => value switch
    {
        null => "-",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => value.ToJsonString(),
    };
}
