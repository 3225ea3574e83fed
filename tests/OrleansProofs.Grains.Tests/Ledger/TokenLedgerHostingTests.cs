// SPDX-License-Identifier: MIT

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Hosting;
using OrleansProofs.Grains.Ledger;
using OrleansProofs.Grains.Tests.Hosting;
using OrleansProofs.Grains.Tests.Postgres;
using OrleansProofs.Silo.Hosting;
using OrleansProofs.Silo.Storage;

namespace OrleansProofs.Grains.Tests.Ledger;

/// <summary>Which ledger each host runs, its configuration, and that the embedded node's ledger survives a restart.</summary>
public sealed class TokenLedgerHostingTests
{
    [Fact]
    public async Task TheEmbeddedNodeKeepsItsLedgerInItsSqliteDatabaseAcrossARestart()
    {
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [NodeHost.LedgerSection + ":TokenName"] = "proof",
            [NodeHost.LedgerSection + ":Decimals"] = "3",
            [NodeHost.LedgerSection + ":Funding:operator"] = "5000",
            [NodeHost.LedgerSection + ":Funding:$reward-pool"] = "20",
            [NodeHost.ChainSection + ":Source"] = "none",
        });
        await node.StartAsync();
        ITokenLedger ledger = node.Services.GetRequiredService<ITokenLedger>();
        Assert.IsType<SqliteTokenLedger>(ledger);
        TokenLedgerOptions options = node.Services.GetRequiredService<IOptions<TokenLedgerOptions>>().Value;
        Assert.Equal(("proof", 3), (options.TokenName, options.Decimals));

        Assert.Equal(5_000UL, await ledger.GetBalanceAsync("operator"));
        Assert.Equal(20UL, await ledger.GetBalanceAsync(LedgerAccounts.RewardPool));
        await ledger.CreateBondAsync("reg-1", "operator", BondPurpose.ChainRegistration, 100);
        await node.StopAsync();
        await node.StartAsync();

        ITokenLedger restarted = node.Services.GetRequiredService<ITokenLedger>();
        Assert.Equal(4_900UL, await restarted.GetBalanceAsync("operator"));
        Assert.Equal(BondState.Active, (await restarted.GetBondAsync("reg-1"))!.State);
        // The funding ran again at the restart, as a replay: four movements, not seven. The dev profile
        // also funds the node's own prover account (TokenLedgerOptions.NodeFunding), after the configured accounts.
        string nodeAccount = ProverAccount.Of(node.Services.GetRequiredService<NodeContext>().Key.PublicKey);
        Assert.Equal(TokenLedgerOptions.DevNodeFunding, await restarted.GetBalanceAsync(nodeAccount));
        Assert.Equal(
            ["dev-funding/$reward-pool/20", "dev-funding/operator/5000", $"dev-funding/{nodeAccount}/{TokenLedgerOptions.DevNodeFunding}", "reg-1"],
            (await restarted.ReadJournalAsync(0, 10)).Select(e => e.MovementId));
    }

    [PostgresFact]
    public async Task AClusterSiloKeepsItsLedgerInPostgreSql()
    {
        await using PostgresTestSchema schema = await PostgresTestSchema.CreateAsync();
        string cluster = "posc-test-" + schema.Name;
        await using EmbeddedNode node = new(new Dictionary<string, string?>
        {
            [StorageModes.Setting] = "cluster",
            [NodeHost.ClusterSection + ":ConnectionString"] = schema.ConnectionString,
            [NodeHost.SiloSection + ":ClusterId"] = cluster,
            [NodeHost.SiloSection + ":ServiceId"] = cluster,
            [NodeHost.ChainSection + ":Source"] = "none",
        });
        await node.StartAsync();

        ITokenLedger ledger = node.Services.GetRequiredService<ITokenLedger>();
        Assert.IsType<PostgresTokenLedger>(ledger);
        await ledger.CreditAsync("dev-funding", "operator", 1_000);

        // The dev network also funds the node's own account at start (its registration bonds come from there).
        Assert.Equal([["operator", 1_000L]], await schema.QueryAsync("SELECT Account, Balance FROM OrleansProofsLedgerBalances WHERE Account = 'operator'"));
        Assert.Equal([[(long)TokenLedgerOptions.DevNodeFunding]], await schema.QueryAsync($"SELECT Balance FROM OrleansProofsLedgerBalances WHERE Account = '{node.Prover}'"));
    }

    [Theory]
    [InlineData(0, 1_000UL, "1000 token")]
    [InlineData(3, 1_000UL, "1.000 token")]
    [InlineData(3, 1UL, "0.001 token")]
    [InlineData(2, 0UL, "0.00 token")]
    [InlineData(18, 9_223_372_036_854_775_807UL, "9.223372036854775807 token")]
    public void AmountsAreShownWithTheConfiguredDecimals(int decimals, ulong baseUnits, string expected) =>
        Assert.Equal(expected, new TokenLedgerOptions { Decimals = decimals }.Format(baseUnits));
}
