// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Proofs;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Signatures;

namespace OrleansProofs.Cli.Proofs;

/// <summary>
/// The chain registration a verifier trusts, as a small JSON file (<c>posc verify --registration</c>):
/// <code>
/// {
///   "dataHash": "&lt;64 hex&gt;", "replicaRoot": "&lt;64 hex&gt;", "fileLength": 65536,
///   "encodingVersion": 1, "workFactor": 64, "anchorHeight": 1000, "anchorBlockHash": "&lt;64 hex&gt;"
/// }
/// </code>
/// Every field is required, exactly once, and no other field is accepted (a misspelt name is an
/// error, not a silently ignored value); <c>//</c> and <c>/* */</c> comments are allowed. Integers are JSON numbers or strings of decimal digits (for u64 values a
/// JavaScript reader would round). With the prover's public key the fields become a
/// <see cref="ChainHeader"/> (<see cref="ToHeader"/>); chain id, chunk count and anchored commitment
/// are derived, never read. Every error names the file and the JSON field.
/// </summary>
public static class RegistrationFile
{
    /// <summary>Files larger than this are not registration files; they are rejected before being read.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>The JSON field names, in the order of <see cref="ChainRegistration"/>'s fields.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["dataHash", "replicaRoot", "fileLength", "encodingVersion", "workFactor", "anchorHeight", "anchorBlockHash"];

    /// <summary>Reads and parses the registration file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not a registration file; the message names the file and the field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ChainRegistration Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new FormatException($"Registration file '{path}' is {length} bytes; a registration file is at most {MaxFileBytes} bytes.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses registration JSON; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="FormatException">Not valid JSON, not an object, a missing, unknown or badly typed field.</exception>
    public static ChainRegistration Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException($"Registration file '{source}' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Registration file '{source}' must hold one JSON object with the fields {string.Join(", ", FieldNames)}; found a JSON {root.ValueKind.ToString().ToLowerInvariant()}.");
            }

            HashSet<string> seen = new(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!FieldNames.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new FormatException($"Registration file '{source}': unknown field \"{property.Name}\"; the fields are {string.Join(", ", FieldNames)}.");
                }

                if (!seen.Add(property.Name))
                {
                    throw new FormatException($"Registration file '{source}': field \"{property.Name}\" appears more than once.");
                }
            }

            Reader reader = new(root, source);
            return new ChainRegistration(
                reader.Hash("dataHash"),
                reader.Hash("replicaRoot"),
                reader.Unsigned("fileLength", ulong.MaxValue),
                (byte)reader.Unsigned("encodingVersion", byte.MaxValue),
                (uint)reader.Unsigned("workFactor", uint.MaxValue),
                reader.Unsigned("anchorHeight", ulong.MaxValue),
                reader.Hash("anchorBlockHash"));
        }
    }

    /// <summary>
    /// The header the registration defines under <paramref name="prover"/>, with the header's own
    /// rules checked (non-zero hashes, file length in range, versions at least 1).
    /// </summary>
    /// <exception cref="FormatException">A field breaks a header rule; the message names the JSON field.</exception>
    public static ChainHeader ToHeader(ChainRegistration registration, ProverPublicKey prover, string source)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return registration.ToHeader(prover);
        }
        catch (ArgumentException e)
        {
            string field = e.ParamName is { } name && FieldNames.Contains(name, StringComparer.Ordinal) ? $"field \"{name}\"" : "a field";
            throw new FormatException($"Registration file '{source}': {field} is not a valid registration value: {e.Message}", e);
        }
    }

    /// <summary>The JSON text of <paramref name="registration"/> in this format (indented, integers as numbers).</summary>
    public static string ToJson(ChainRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        JsonObject json = new()
        {
            ["dataHash"] = registration.DataHash.ToString(),
            ["replicaRoot"] = registration.ReplicaRoot.ToString(),
            ["fileLength"] = registration.FileLength,
            ["encodingVersion"] = registration.EncodingVersion,
            ["workFactor"] = registration.WorkFactor,
            ["anchorHeight"] = registration.AnchorHeight,
            ["anchorBlockHash"] = registration.AnchorBlockHash.ToString(),
        };
        return json.ToJsonString(ConsoleOutput.JsonOptions);
    }

    private readonly struct Reader(JsonElement root, string source)
    {
        public Hash32 Hash(string field)
        {
            JsonElement value = Get(field);
            if (value.ValueKind != JsonValueKind.String || !Hash32.TryParse(value.GetString(), out Hash32 hash))
            {
                throw Bad(field, $"must be a string of {2 * Hash32.Size} hexadecimal characters (32 bytes); got {value.GetRawText()}");
            }

            return hash;
        }

        public ulong Unsigned(string field, ulong max)
        {
            JsonElement value = Get(field);
            ulong result;
            bool parsed = value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetUInt64(out result),
                JsonValueKind.String => ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out result),
                _ => Fail(out result),
            };
            if (!parsed)
            {
                throw Bad(field, $"must be a whole number from 0 to {max} (a JSON number or a string of decimal digits); got {value.GetRawText()}");
            }

            if (result > max)
            {
                throw Bad(field, $"must be at most {max}; got {result}");
            }

            return result;
        }

        private static bool Fail(out ulong result)
        {
            result = 0;
            return false;
        }

        private JsonElement Get(string field) =>
            root.TryGetProperty(field, out JsonElement value)
                ? value
                : throw new FormatException($"Registration file '{source}': missing field \"{field}\"; the fields are {string.Join(", ", FieldNames)}.");

        private FormatException Bad(string field, string rule) => new($"Registration file '{source}': field \"{field}\" {rule}.");
    }
}
