// SPDX-License-Identifier: MIT

using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// What a verifier knows about a layer-1 block from the chain itself (never from the prover):
/// its hash, the randomness beacon mixed into it if any, and its timestamp if the adapter gives one.
/// </summary>
public sealed record PublicBlock(ulong Height, Hash32 BlockHash, Hash32? Beacon = null, ulong? Timestamp = null)
{
    /// <summary>The block's entropy for chunk selection.</summary>
    public Hash32 Entropy => BlockEntropy.Compute(BlockHash, Beacon, Height);
}

/// <summary>A verifier's view of layer-1 blocks by height.</summary>
public interface IPublicBlockSource
{
    /// <summary>The block at <paramref name="height"/>, or null when the verifier does not know it.</summary>
    PublicBlock? Get(ulong height);
}

/// <summary>An in-memory block source (tests, the CLI's <c>--block-hashes</c> file, a verifier's cache).</summary>
public sealed class PublicBlockTable : IPublicBlockSource
{
    private readonly Dictionary<ulong, PublicBlock> _blocks = [];

    /// <summary>Adds or replaces a block.</summary>
    public void Add(PublicBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks[block.Height] = block;
    }

    /// <summary>Number of blocks known.</summary>
    public int Count => _blocks.Count;

    /// <inheritdoc/>
    public PublicBlock? Get(ulong height) => _blocks.GetValueOrDefault(height);

    /// <summary>
    /// Parses the text form: one block per line, <c>height blockHashHex [timestamp] [beaconHex]</c>,
    /// blank lines and lines starting with '#' ignored.
    /// </summary>
    /// <exception cref="FormatException">A line is malformed (the message names the line).</exception>
    public static PublicBlockTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        PublicBlockTable table = new();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            string[] parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 2 or > 4 ||
                !ulong.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong height) ||
                !Hash32.TryParse(parts[1], out Hash32 hash))
            {
                throw new FormatException($"Block table line {lineNumber}: expected 'height blockHashHex [timestamp] [beaconHex]', got '{trimmed}'.");
            }

            ulong? timestamp = null;
            Hash32? beacon = null;
            foreach (string extra in parts.AsSpan(2))
            {
                if (extra.Length == 2 * Hash32.Size && Hash32.TryParse(extra, out Hash32 b))
                {
                    beacon = b;
                }
                else if (ulong.TryParse(extra, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong t))
                {
                    timestamp = t;
                }
                else
                {
                    throw new FormatException($"Block table line {lineNumber}: '{extra}' is neither a timestamp nor a 64-hex beacon.");
                }
            }

            table.Add(new PublicBlock(height, hash, beacon, timestamp));
        }

        return table;
    }
}
