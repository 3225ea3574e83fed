// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Core.Proofs;

/// <summary>
/// One block of a proof window: a gap (the chain missed the block, recorded as a fault) or the
/// access digests the chain committed to, in selection order. Heights and indices are not carried:
/// the verifier derives them from the window start and the public block entropy.
/// Encoded as <c>u8 count ‖ count × digest(32)</c>, count 0 meaning a gap.
/// </summary>
public sealed class WindowEntry : IEquatable<WindowEntry>
{
    private WindowEntry(ImmutableArray<Hash32> digests) => AccessDigests = digests;

    /// <summary>A gap entry.</summary>
    public static WindowEntry Gap { get; } = new([]);

    /// <summary>True for a missed block.</summary>
    public bool IsGap => AccessDigests.IsEmpty;

    /// <summary>The committed access digests (empty for a gap).</summary>
    public ImmutableArray<Hash32> AccessDigests { get; }

    /// <summary>Encoded size.</summary>
    public int EncodedSize => 1 + AccessDigests.Length * Hash32.Size;

    /// <summary>A commit entry.</summary>
    /// <exception cref="ArgumentException">No digests, or more than 255.</exception>
    public static WindowEntry Commit(ImmutableArray<Hash32> accessDigests)
    {
        if (accessDigests.IsDefaultOrEmpty || accessDigests.Length > byte.MaxValue)
        {
            throw Error.OutOfRange(nameof(accessDigests), accessDigests.IsDefault ? 0 : accessDigests.Length, "must hold 1 to 255 digests");
        }

        return new WindowEntry(accessDigests);
    }

    /// <inheritdoc/>
    public bool Equals(WindowEntry? other) => other is not null && AccessDigests.SequenceEqual(other.AccessDigests);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WindowEntry);

    /// <inheritdoc/>
    public override int GetHashCode() => AccessDigests.IsEmpty ? 0 : HashCode.Combine(AccessDigests.Length, AccessDigests[0]);
}
