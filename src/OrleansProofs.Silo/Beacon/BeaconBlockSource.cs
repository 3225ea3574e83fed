// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Blocks;

namespace OrleansProofs.Silo.Beacon;

/// <summary>
/// A block source whose blocks carry the randomness beacon's value for their height: each block of the
/// inner source is announced with the beacon output for the same height, after that output verified
/// against the beacon's public identity. An output that does not verify (a tampered or misrouted
/// value) fails the block, so the follower asks again rather than recording entropy nobody can check.
/// </summary>
public sealed class BeaconBlockSource : IBlockSource
{
    private readonly IBlockSource _inner;
    private readonly IRandomnessBeacon _beacon;

    /// <summary>Wraps <paramref name="inner"/> with <paramref name="beacon"/>.</summary>
    public BeaconBlockSource(IBlockSource inner, IRandomnessBeacon beacon)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(beacon);
        _inner = inner;
        _beacon = beacon;
    }

    /// <summary><paramref name="source"/> wrapped with <paramref name="beacon"/>, or itself when there is no beacon.</summary>
    public static IBlockSource Wrap(IBlockSource source, IRandomnessBeacon? beacon) =>
        beacon is null ? source : new BeaconBlockSource(source, beacon);

    /// <inheritdoc/>
    public string Network => _inner.Network;

    /// <summary>The beacon mixed into each block.</summary>
    public IRandomnessBeacon Beacon => _beacon;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The beacon's output for the height does not verify.</exception>
    public async ValueTask<BlockAnnouncement> WaitForBlockAsync(ulong height, CancellationToken cancellationToken)
    {
        BlockAnnouncement block = await _inner.WaitForBlockAsync(height, cancellationToken);
        BeaconOutput output = await _beacon.GetAsync(block.Height, cancellationToken);
        if (output.Height != block.Height || !_beacon.Verify(output))
        {
            throw new InvalidOperationException(
                $"The beacon {_beacon.Description} answered height {block.Height} with a value for height {output.Height} that does not verify; the block is not announced.");
        }

        return block with { Beacon = output.Value };
    }
}
