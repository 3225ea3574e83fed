// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Text.RegularExpressions;

namespace OrleansProofs.Core.Tests.Docs;

/// <summary>
/// Keeps the specifications from drifting: every hex vector constant a vector test class asserts
/// (types named *Vectors or *VectorTests in this assembly) must appear in its document —
/// docs/migration-legacy-format.md for the legacy v1 format, docs/protocol.md for everything else.
/// Line breaks, spaces and markdown quoting inside long values are ignored.
/// </summary>
public sealed partial class ProtocolDocumentTests
{
    [Fact]
    public void EveryVectorConstant_IsStatedInTheProtocolDocument()
    {
        string protocol = ReadNormalized("protocol.md");
        string legacy = ReadNormalized("migration-legacy-format.md");
        List<string> missing = [];
        int checkedCount = 0;
        foreach (Type type in typeof(ProtocolDocumentTests).Assembly.GetTypes().Where(t => t.Name.EndsWith("Vectors", StringComparison.Ordinal) || t.Name.EndsWith("VectorTests", StringComparison.Ordinal)))
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                string value = (string)field.GetRawConstantValue()!;
                if (!LongHex().IsMatch(value))
                {
                    continue;
                }

                checkedCount++;
                string document = type.Namespace!.EndsWith(".Legacy", StringComparison.Ordinal) ? legacy : protocol;
                if (!document.Contains(value.ToLowerInvariant(), StringComparison.Ordinal))
                {
                    missing.Add($"{type.Name}.{field.Name}");
                }
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} vector constants found; the reflection filter is broken.");
        Assert.True(missing.Count == 0, $"the documents do not state: {string.Join(", ", missing)}");
    }

    private static string ReadNormalized(string name)
    {
        // Hex dumps may start each line with a 3-digit offset column ("032  c195…"); drop it first.
        string text = OffsetColumn().Replace(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", name)), string.Empty);
        return NotHex().Replace(text.ToLowerInvariant(), string.Empty);
    }

    [GeneratedRegex(@"(?m)^\d{3}  ")]
    private static partial Regex OffsetColumn();

    [GeneratedRegex("^[0-9a-fA-F]{64,}$")]
    private static partial Regex LongHex();

    [GeneratedRegex("[^0-9a-f]")]
    private static partial Regex NotHex();
}
