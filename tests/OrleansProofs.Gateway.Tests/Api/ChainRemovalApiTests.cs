// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Parameters;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>DELETE /api/chains/{chainId}</c>: 202 with the removal block (latest + removal delay), the
/// archive flag and the reason, from a JSON body or the query; GET shows removing, then removed
/// after the removal block; a second DELETE is 409, an unknown chain 404, a bad id, reason or
/// archive value 400 — each problem names the field and changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChainRemovalApiTests(ClusterFixture fixture)
{
    private static readonly ulong Delay = (ulong)ConsensusParameters.Dev.RemovalDelayBlocks;

    [Fact]
    public async Task DeleteSchedulesRemovalAndTheChainShowsRemovingThenRemoved()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "delete");
        await gateway.PushCanonicalAsync(20);
        Hash32 chainId = await RegisterAsync(gateway, seed: 21);
        await gateway.PushCanonicalAsync(21);

        using HttpRequestMessage request = new(HttpMethod.Delete, $"/api/chains/{chainId}") { Content = JsonContent.Create(new { reason = "retired dataset", archive = true }) };
        using HttpResponseMessage accepted = await gateway.Operator.SendAsync(request);

        JsonElement body = await ProblemAssert.IsJsonAsync(accepted, HttpStatusCode.Accepted);
        Assert.Equal(chainId.ToString(), body.GetProperty("chainId").GetString());
        Assert.Equal(21 + Delay, body.GetProperty("removalBlock").GetUInt64());
        Assert.True(body.GetProperty("archived").GetBoolean());
        Assert.Equal("retired dataset", body.GetProperty("reason").GetString());
        Assert.Equal($"/api/chains/{chainId}", accepted.Headers.Location?.ToString());

        JsonElement removing = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("removing", removing.GetProperty("status").GetString());
        Assert.Equal(21 + Delay, removing.GetProperty("removalHeight").GetUInt64());
        Assert.Equal("retired dataset", removing.GetProperty("removalReason").GetString());
        Assert.Equal("removal", removing.GetProperty("removalKind").GetString());
        Assert.True(removing.GetProperty("archive").GetBoolean());

        string conflict = await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync($"/api/chains/{chainId}?reason=again"), HttpStatusCode.Conflict, "chainId");
        Assert.Contains("already removing", conflict);
        JsonElement unchanged = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("retired dataset", unchanged.GetProperty("removalReason").GetString());

        for (ulong height = 22; height <= 21 + Delay; height++)
        {
            await gateway.PushCanonicalAsync(height);
        }

        JsonElement removed = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("removed", removed.GetProperty("status").GetString());
        Assert.Equal(20 + Delay, removed.GetProperty("headHeight").GetUInt64());
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "archive", chainId.ToString(), "manifest.json")));
        string gone = await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync($"/api/chains/{chainId}"), HttpStatusCode.Conflict, "chainId");
        Assert.Contains("already removed", gone);
        JsonElement stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
        Assert.Equal(0UL, stats.GetProperty("totalChains").GetUInt64());
    }

    [Fact]
    public async Task QueryParametersScheduleRemovalWithoutABody()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "deleteq");
        await gateway.PushCanonicalAsync(5);
        Hash32 chainId = await RegisterAsync(gateway, seed: 6);

        JsonElement body = await ProblemAssert.IsJsonAsync(await gateway.Operator.DeleteAsync($"/api/chains/{chainId}?reason=wrong%20upload&archive=false"), HttpStatusCode.Accepted);

        Assert.Equal(5 + Delay, body.GetProperty("removalBlock").GetUInt64());
        Assert.False(body.GetProperty("archived").GetBoolean());
        Assert.Equal("wrong upload", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RemovalProblemsNameTheFieldAndChangeNothing()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "deleteerr");
        await gateway.PushCanonicalAsync(1);
        Hash32 chainId = await RegisterAsync(gateway, seed: 2);
        string path = $"/api/chains/{chainId}";

        await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync("/api/chains/not-a-chain-id"), HttpStatusCode.BadRequest, "chainId");
        string unknown = await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync($"/api/chains/{new string('b', 64)}"), HttpStatusCode.NotFound, "chainId");
        Assert.Contains("registered", unknown);
        string tooLong = await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync($"{path}?reason={new string('r', 257)}"), HttpStatusCode.BadRequest, "reason");
        Assert.Contains("at most 256", tooLong);
        using HttpRequestMessage control = new(HttpMethod.Delete, path) { Content = JsonContent.Create(new { reason = "tab\there" }) };
        string controlReason = await ProblemAssert.IsProblemAsync(await gateway.Operator.SendAsync(control), HttpStatusCode.BadRequest, "reason");
        Assert.Contains("control characters", controlReason);
        await ProblemAssert.IsProblemAsync(await gateway.Operator.DeleteAsync($"{path}?archive=maybe"), HttpStatusCode.BadRequest, "archive");
        using HttpRequestMessage both = new(HttpMethod.Delete, $"{path}?reason=a") { Content = JsonContent.Create(new { reason = "b" }) };
        await ProblemAssert.IsProblemAsync(await gateway.Operator.SendAsync(both), HttpStatusCode.BadRequest, "reason");
        using HttpRequestMessage badJson = new(HttpMethod.Delete, path) { Content = new StringContent("{\"archive\": \"yes\"}", System.Text.Encoding.UTF8, "application/json") };
        await ProblemAssert.IsProblemAsync(await gateway.Operator.SendAsync(badJson), HttpStatusCode.BadRequest, "archive");
        using HttpRequestMessage text = new(HttpMethod.Delete, path) { Content = new StringContent("reason") };
        await ProblemAssert.IsProblemAsync(await gateway.Operator.SendAsync(text), HttpStatusCode.UnsupportedMediaType, "Content-Type");

        JsonElement chain = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal("pending", chain.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, chain.GetProperty("removalHeight").ValueKind);
        // Without the operator key nothing is scheduled either.
        await ProblemAssert.IsProblemAsync(await gateway.Client.DeleteAsync(path), HttpStatusCode.Unauthorized, "Authorization");
        JsonElement stillPending = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal("pending", stillPending.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, stillPending.GetProperty("removalHeight").ValueKind);
        await ProblemAssert.IsJsonAsync(await gateway.Operator.DeleteAsync(path), HttpStatusCode.Accepted);
    }

    private static async Task<Hash32> RegisterAsync(GatewayHost gateway, int seed)
    {
        string file = gateway.WriteFile(20_000, seed);
        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);
        return gateway.ChainIdOf(file);
    }
}
