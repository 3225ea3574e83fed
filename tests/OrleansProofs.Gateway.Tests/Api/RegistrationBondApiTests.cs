// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Gateway.Tests.Infrastructure;
using OrleansProofs.Grains.Ledger;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>A registration the prover's account cannot bond is a 409 problem naming "registrationBond" with the amounts, and registers nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RegistrationBondApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnUnbondableRegistrationIsAConflictNamingTheBond()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "regbond");
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(20_000, seed: 9);
        string account = ProverAccount.Of(fixture.Prover);
        ulong balance = await fixture.Ledger.GetBalanceAsync(account);
        string hold = "test-hold/" + gateway.Network;
        Assert.True((await fixture.Ledger.CreateBondAsync(hold, account, BondPurpose.Checkpoint, balance - 10)).Succeeded);
        try
        {
            string detail = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Conflict, "registrationBond");
            Assert.Contains("which holds 10", detail, StringComparison.Ordinal);
            JsonElement stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
            Assert.Equal(0, stats.GetProperty("totalChains").GetInt32());
        }
        finally
        {
            Assert.True((await fixture.Ledger.ReleaseBondAsync("release/" + hold, hold)).Succeeded);
        }

        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);
    }
}
