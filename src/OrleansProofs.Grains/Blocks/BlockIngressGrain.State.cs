// SPDX-License-Identifier: MIT

namespace OrleansProofs.Grains.Blocks;

/// <summary>
/// The ingress's state in memory and in storage. In memory it is one <see cref="IngressState"/> (roster,
/// retained block records, last global root); in storage the roster is its own record
/// (<see cref="IngressRoster"/>, written only when chains enroll or their lifecycle changes) and the
/// "ingress" record holds the block records with an empty roster, so a block writes kilobytes instead
/// of the whole roster.
/// </summary>
internal sealed partial class BlockIngressGrain
{
    /// <summary>The state every method reads; replaced only by <see cref="SaveAsync"/> after its writes.</summary>
    private IngressState _current = new();

    /// <summary>The current roster, block records and last global root.</summary>
    private IngressState Current => _current;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IngressState persisted = state.State;
        if (!persisted.Chains.IsEmpty)
        {
            // Written by a build that kept the roster inside the block state: move it to its own record
            // (roster first, so a crash in between leaves it in both places, never in neither).
            roster.State = new IngressRoster { Chains = persisted.Chains };
            await roster.WriteStateAsync(cancellationToken);
            state.State = persisted with { Chains = [] };
            await state.WriteStateAsync(cancellationToken);
        }

        _current = state.State with { Chains = roster.State.Chains };
        RecountChains();
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="next"/> current and writes what changed: the roster when its chains changed,
    /// the block record state when the blocks or the last root changed. On a failed write the previous
    /// state is current again and the error is rethrown (a roster written before a failed block write is
    /// rewritten by the next save, which compares against the restored state).
    /// </summary>
    private async Task SaveAsync(IngressState next)
    {
        IngressState previous = _current;
        _current = next;
        try
        {
            if (next.Chains != previous.Chains)
            {
                roster.State = new IngressRoster { Chains = next.Chains };
                await roster.WriteStateAsync();
            }

            if (next.Blocks != previous.Blocks || next.LastGlobalRoot != previous.LastGlobalRoot)
            {
                state.State = next with { Chains = [] };
                await state.WriteStateAsync();
            }
        }
        catch
        {
            _current = previous;
            throw;
        }
    }
}
