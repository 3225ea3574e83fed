// SPDX-License-Identifier: MIT

using System.Text.Json.Nodes;

namespace OrleansProofs.Cli.Inspection;

/// <summary>
/// Recognises one file format by its leading bytes and describes a file of that format.
/// <c>posc inspect</c> reads the first <see cref="SignatureLength"/> bytes (the longest of all
/// registered inspectors), offers them to each inspector in <see cref="FileInspectors"/> in order and
/// uses the first that recognises them. To support a new format (for example a proof format that
/// starts with a magic and version), implement this and add it to <see cref="FileInspectors.Default"/>.
/// </summary>
public interface IFileInspector
{
    /// <summary>A short format name for output, e.g. <c>v1 .hashchain</c>.</summary>
    string FormatName { get; }

    /// <summary>How the format is recognised, for the message shown when nothing matches, e.g. <c>magic "HCHN"</c>.</summary>
    string SignatureDescription { get; }

    /// <summary>How many leading bytes <see cref="Recognises(ReadOnlySpan{byte})"/> needs.</summary>
    int SignatureLength { get; }

    /// <summary>
    /// True when <paramref name="head"/> (the file's first bytes: <see cref="SignatureLength"/> of
    /// them, or fewer for a shorter file) is this format's signature.
    /// </summary>
    bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>
    /// True when a file of <paramref name="fileLength"/> bytes starting with <paramref name="head"/> is
    /// this format. <c>inspect</c> calls this overload; the default is <see cref="Recognises(ReadOnlySpan{byte})"/>.
    /// Override it for a format told by its size rather than a magic (such inspectors belong last in
    /// <see cref="FileInspectors.Default"/>, so any magic wins).
    /// </summary>
    bool Recognises(ReadOnlySpan<byte> head, long fileLength) => Recognises(head);

    /// <summary>Describes the file: the document printed as text or JSON.</summary>
    /// <exception cref="FormatException">The file is of this format but malformed (exit code 2, the message names the field).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    InspectionResult Inspect(string path, ConsoleOutput output);
}

/// <summary>What an inspector found.</summary>
/// <param name="Document">The fields to print (camelCase names, nested objects become sections).</param>
/// <param name="Error">When the file became unreadable part way (the document then holds what was read), the reason; else null.</param>
public sealed record InspectionResult(JsonObject Document, string? Error = null);
