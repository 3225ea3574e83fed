// SPDX-License-Identifier: MIT

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OrleansProofs.Cli;

/// <summary>
/// Where a command writes: results to stdout (text, or one JSON document with <c>--json</c>),
/// errors and progress to stderr. Progress is drawn only when stderr is a terminal, so scripts and
/// tests that capture the output never see control characters.
/// </summary>
public sealed class ConsoleOutput
{
    /// <summary>The JSON settings of every document posc prints: camelCase names and enum values, indented.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Creates the output over the given writers.</summary>
    /// <param name="stdout">Results.</param>
    /// <param name="stderr">Errors, notes and progress.</param>
    /// <param name="json">Print results as JSON.</param>
    /// <param name="verbose">Print stack traces with unexpected errors.</param>
    /// <param name="stderrIsTerminal">Draw progress bars on <paramref name="stderr"/>.</param>
    public ConsoleOutput(TextWriter stdout, TextWriter stderr, bool json, bool verbose, bool stderrIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Out = stdout;
        Error = stderr;
        Json = json;
        Verbose = verbose;
        StderrIsTerminal = stderrIsTerminal;
    }

    /// <summary>The result writer (stdout).</summary>
    public TextWriter Out { get; }

    /// <summary>The error and progress writer (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>True when results are printed as JSON.</summary>
    public bool Json { get; }

    /// <summary>True when unexpected errors are printed with their stack trace.</summary>
    public bool Verbose { get; }

    /// <summary>True when stderr is an interactive terminal (progress bars are drawn).</summary>
    public bool StderrIsTerminal { get; }

    /// <summary>Writes one line of text to stdout.</summary>
    public void Line(string text) => Out.WriteLine(text);

    /// <summary>Writes <paramref name="value"/> to stdout as one JSON document.</summary>
    public void WriteJson<T>(T value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
    }

    /// <summary>
    /// Writes a document to stdout: as JSON with <c>--json</c>, otherwise as indented
    /// <c>name: value</c> lines (objects become headed sections, arrays of scalars one line, other arrays one item per line).
    /// </summary>
    public void WriteDocument(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Json)
        {
            Out.WriteLine(document.ToJsonString(JsonOptions));
            return;
        }

        WriteText(document, 0);
    }

    /// <summary>Writes <c>posc: message</c> to stderr.</summary>
    public void ErrorLine(string message) => Error.WriteLine("posc: " + message);

    /// <summary>
    /// Starts a progress bar on stderr; when stderr is not a terminal the bar is inert and prints nothing.
    /// Dispose it to remove the line.
    /// </summary>
    public ProgressBar StartProgress(string label) => new(Error, label, StderrIsTerminal);

    private void WriteText(JsonObject node, int depth)
    {
        string indent = new(' ', depth * 2);
        foreach (KeyValuePair<string, JsonNode?> property in node)
        {
            switch (property.Value)
            {
                case JsonObject child:
                    Out.WriteLine($"{indent}{property.Key}:");
                    WriteText(child, depth + 1);
                    break;
                case JsonArray array when array.All(item => item is JsonValue):
                    Out.WriteLine($"{indent}{property.Key}: [{string.Join(", ", array.Select(Scalar))}]");
                    break;
                case JsonArray array:
                    Out.WriteLine($"{indent}{property.Key}: ({array.Count})");
                    foreach (JsonNode? item in array)
                    {
                        if (item is JsonObject itemObject)
                        {
                            Out.WriteLine($"{indent}  -");
                            WriteText(itemObject, depth + 2);
                        }
                        else
                        {
                            Out.WriteLine($"{indent}  - {Scalar(item)}");
                        }
                    }

                    break;
                default:
                    Out.WriteLine($"{indent}{property.Key}: {Scalar(property.Value)}");
                    break;
            }
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "(none)",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => value.ToJsonString(JsonOptions),
    };
}
