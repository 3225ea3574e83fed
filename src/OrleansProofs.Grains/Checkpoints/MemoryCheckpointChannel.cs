// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Checkpoints;
using OrleansProofs.Core.Checkpoints;

namespace OrleansProofs.Grains.Checkpoints;

/// <summary>
/// An <see cref="ICheckpointChannel"/> in process memory, shared by several nodes in one process (tests
/// that run a prover and a verifier as separate silos on one layer-1 chain), with the board's rules:
/// only checkpoints whose signature verifies, the same bytes once.
/// </summary>
public sealed class MemoryCheckpointChannel : ICheckpointChannel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<SubmittedCheckpoint>> _networks = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<SubmittedCheckpoint> SubmitAsync(string network, ImmutableArray<byte> checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(network);
        if (checkpoint.IsDefaultOrEmpty || ProverCheckpoint.DecodeVerified(checkpoint.AsSpan()) is not { } decoded)
        {
            throw new ArgumentException("The checkpoint is not a version-1 layer-1 checkpoint whose signature verifies under the prover key it names.", nameof(checkpoint));
        }

        lock (_gate)
        {
            if (!_networks.TryGetValue(network, out List<SubmittedCheckpoint>? entries))
            {
                _networks[network] = entries = [];
            }

            if (entries.FirstOrDefault(e => e.Bytes.AsSpan().SequenceEqual(checkpoint.AsSpan())) is { } existing)
            {
                return Task.FromResult(existing);
            }

            SubmittedCheckpoint entry = new(decoded.Height, decoded.Prover.AsHash32(), checkpoint, entries.Count + 1);
            entries.Add(entry);
            return Task.FromResult(entry);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SubmittedCheckpoint>> ReadAsync(string network, ulong fromHeight, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<SubmittedCheckpoint> page = _networks.TryGetValue(network, out List<SubmittedCheckpoint>? entries)
                ? [.. entries.Where(e => e.Height >= fromHeight).OrderBy(e => e.Height).ThenBy(e => e.Sequence).Take(limit)]
                : [];
            return Task.FromResult(page);
        }
    }
}
