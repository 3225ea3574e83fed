// SPDX-License-Identifier: MIT

using OrleansProofs.Abstractions.Chains;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Grains.Blocks;
using OrleansProofs.Grains.Chains;
using OrleansProofs.Grains.Ledger;
using OrleansProofs.Grains.Tests.Infrastructure;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>
/// The registration bond through the grains: registering posts ConsensusParameters.RegistrationBond from
/// the node's account once (a repeated registration takes no second bond); a prover that cannot cover it
/// is refused with the amounts and nothing is registered, enrolled or written; the removal releases it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RegistrationBondTests(ClusterFixture fixture)
{
    private static readonly ulong Bond = ConsensusParameters.Dev.RegistrationBond;

    private string Account => ProverAccount.Of(fixture.Prover);

    [Fact]
    public async Task RegistrationPostsOneBondAndRemovalReleasesIt()
    {
        TestNetwork network = new(fixture, "bond");
        await network.AnnounceAsync(10);
        ulong before = await fixture.Ledger.GetBalanceAsync(Account);
        string file = network.WriteFile(10_000, seed: 1);
        (IChainGrain chain, RegisteredChain registration) = await network.RegisterAsync(file);

        LedgerBond bond = Assert.IsType<LedgerBond>(await fixture.Ledger.GetBondAsync(ChainGrain.RegistrationBondId(registration.ChainId)));
        Assert.Equal(new LedgerBond(ChainGrain.RegistrationBondId(registration.ChainId), Account, BondPurpose.ChainRegistration, Bond, BondState.Active, 0), bond);
        Assert.Equal(before - Bond, await fixture.Ledger.GetBalanceAsync(Account));

        await network.RegisterAsync(file);
        Assert.Equal(before - Bond, await fixture.Ledger.GetBalanceAsync(Account));

        await network.AnnounceAsync(11);
        RemovalResult removal = await chain.RequestRemovalAsync("done", archive: false);
        for (ulong height = 12; height <= removal.Schedule!.RemovalHeight; height++)
        {
            Assert.True((await network.AnnounceAsync(height)).IsAccepted);
            if (height < removal.Schedule.RemovalHeight)
            {
                Assert.Equal(BondState.Active, (await fixture.Ledger.GetBondAsync(bond.BondId))!.State);
            }
        }

        Assert.Equal(ChainStatus.Removed, (await chain.GetInfoAsync()).Status);
        Assert.Equal(BondState.Released, (await fixture.Ledger.GetBondAsync(bond.BondId))!.State);
        // The network's checkpoints (every 8 blocks) hold their own bonds until their dispute window ends.
        string checkpointPrefix = BlockIngressGrain.CheckpointBondId(Account, network.Name, 0)[..^1];
        ulong checkpointsHeld = (ulong)(await fixture.Ledger.GetBondsAsync(Account))
            .Where(b => b.BondId.StartsWith(checkpointPrefix, StringComparison.Ordinal) && b.State == BondState.Active)
            .Sum(b => (long)b.Amount);
        Assert.Equal(before, await fixture.Ledger.GetBalanceAsync(Account) + checkpointsHeld);
    }

    [Fact]
    public async Task AProverThatCannotCoverTheBondIsRefusedAndNothingChanges()
    {
        TestNetwork network = new(fixture, "nobond");
        await network.AnnounceAsync(20);
        string file = network.WriteFile(10_000, seed: 2);
        IChainGrain chain = fixture.Cluster.GrainFactory.GetGrain<IChainGrain>(network.ChainIdOf(file).ToString());

        // Lock all but Bond − 1 units of the node's account in another bond for the duration of the test.
        ulong balance = await fixture.Ledger.GetBalanceAsync(Account);
        string holdId = "test-hold/" + network.Name;
        Assert.True((await fixture.Ledger.CreateBondAsync(holdId, Account, BondPurpose.Checkpoint, balance - (Bond - 1))).Succeeded);
        try
        {
            RegistrationBondException error = await Assert.ThrowsAsync<RegistrationBondException>(() => network.RegisterAsync(file));
            Assert.Contains($"registration bond of {Bond} token units from account {Account}, which holds {Bond - 1}", error.Message, StringComparison.Ordinal);

            Assert.Equal(ChainStatus.Unregistered, (await chain.GetInfoAsync()).Status);
            Assert.Null(await fixture.Ledger.GetBondAsync(ChainGrain.RegistrationBondId(network.ChainIdOf(file))));
            Assert.Equal(Bond - 1, await fixture.Ledger.GetBalanceAsync(Account));
            Assert.False(File.Exists(fixture.ReplicaPath(network.ChainIdOf(file))));
            Assert.Equal(0UL, (await network.AnnounceAsync(21)).Record!.TotalChains);
        }
        finally
        {
            Assert.True((await fixture.Ledger.ReleaseBondAsync("release/" + holdId, holdId)).Succeeded);
        }

        // Once the account holds the bond, the same registration succeeds.
        (_, RegisteredChain registered) = await network.RegisterAsync(file);
        Assert.Equal(BondState.Active, (await fixture.Ledger.GetBondAsync(ChainGrain.RegistrationBondId(registered.ChainId)))!.State);
    }
}
