// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using OrleansProofs.Core.Hashing;

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The ingress's one concurrency rule. Blocks and removals are ordinary (non-interleaving) calls;
/// enrollments interleave so they can be written in batches. A block or a removal therefore first
/// waits for an enrollment write in flight and holds new enrollments back until it is done, so that
/// nothing it read from the roster changes under it and no two state writes overlap.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    private TaskCompletionSource? _exclusive;
    private ImmutableArray<ChainEntryState> _indexedRoster;
    private Dictionary<Hash32, int> _rosterIndex = [];

    /// <summary>Holds enrollments back until the returned scope is disposed, after any enrollment write in flight finished.</summary>
    private async Task<ExclusiveScope> EnterExclusiveAsync()
    {
        while (_exclusive is { } other)
        {
            await other.Task;
        }

        TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _exclusive = gate;
        if (_enrollmentFlush is { } flush)
        {
            // Its failures belong to the enrollments it carried, which already have them.
            await flush;
        }

        return new ExclusiveScope(this, gate);
    }

    /// <summary>Chain id → roster position, rebuilt only when the roster changed.</summary>
    private Dictionary<Hash32, int> RosterIndex(IngressState s)
    {
        if (!_indexedRoster.Equals(s.Chains))
        {
            Dictionary<Hash32, int> index = new(s.Chains.Length);
            for (int i = 0; i < s.Chains.Length; i++)
            {
                index[s.Chains[i].ChainId] = i;
            }

            _rosterIndex = index;
            _indexedRoster = s.Chains;
        }

        return _rosterIndex;
    }

    /// <summary>Lets held-back enrollments run again.</summary>
    private readonly struct ExclusiveScope(BlockIngressGrain grain, TaskCompletionSource gate) : IDisposable
    {
        public void Dispose()
        {
            if (grain._exclusive == gate)
            {
                grain._exclusive = null;
            }

            gate.TrySetResult();
        }
    }
}
