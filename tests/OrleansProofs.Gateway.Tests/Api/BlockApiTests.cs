// SPDX-License-Identifier: MIT

using System.Net;
using System.Text.Json;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>POST /api/blocks</c>: the bearer token is required and checked, a repeated block is idempotent
/// (200 with the same record), a conflicting hash is 409 naming blockHash, a gap or an older height
/// is 409 naming height, malformed fields are 400 naming them, and a refused push changes nothing;
/// <c>GET /api/blocks/latest</c> and <c>/{height}</c> return the signed record or a 404 problem.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BlockApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PushNeedsTheAdapterToken()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "token");
        object block = new { height = 10UL, blockHash = gateway.HashAt(10).ToString(), timestamp = GatewayHost.TimestampAt(10) };

        using HttpResponseMessage missing = await gateway.PushAsync(block, token: null);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.Unauthorized, "Authorization");
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(block, token: "not-the-token"), HttpStatusCode.Unauthorized, "Authorization");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.NotFound, "height");

        await ProblemAssert.IsJsonAsync(await gateway.PushAsync(block), HttpStatusCode.Created);
        JsonElement latest = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.OK);
        Assert.Equal(10UL, latest.GetProperty("height").GetUInt64());
    }

    [Fact]
    public async Task RepeatedBlockIsIdempotentAndConflictsAreRefused()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "idem");
        JsonElement first = await gateway.PushCanonicalAsync(20);
        JsonElement record = first.GetProperty("block");
        Assert.Equal(gateway.HashAt(20).ToString(), record.GetProperty("blockHash").GetString());
        Assert.Equal(fixture.Prover.AsHash32().ToString(), record.GetProperty("proverPublicKey").GetString());
        Assert.Equal(128, record.GetProperty("signature").GetString()!.Length);

        using HttpResponseMessage repeated = await gateway.PushAsync(new { height = 20UL, blockHash = gateway.HashAt(20).ToString(), timestamp = GatewayHost.TimestampAt(20) });
        JsonElement duplicate = await ProblemAssert.IsJsonAsync(repeated, HttpStatusCode.OK);
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
        Assert.Equal(record.GetProperty("signature").GetString(), duplicate.GetProperty("block").GetProperty("signature").GetString());

        string reason = await ProblemAssert.IsProblemAsync(
            await gateway.PushAsync(new { height = 20UL, blockHash = gateway.HashAt(999).ToString(), timestamp = GatewayHost.TimestampAt(20) }),
            HttpStatusCode.Conflict, "blockHash");
        Assert.Contains(gateway.HashAt(20).ToString(), reason);
        await ProblemAssert.IsProblemAsync(
            await gateway.PushAsync(new { height = 22UL, blockHash = gateway.HashAt(22).ToString(), timestamp = GatewayHost.TimestampAt(22) }),
            HttpStatusCode.Conflict, "height");

        JsonElement stored = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/20"), HttpStatusCode.OK);
        Assert.Equal(gateway.HashAt(20).ToString(), stored.GetProperty("blockHash").GetString());
        JsonElement latest = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.OK);
        Assert.Equal(20UL, latest.GetProperty("height").GetUInt64());
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/blocks/21"), HttpStatusCode.NotFound, "height");

        await gateway.PushCanonicalAsync(21);
        JsonElement next = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/21"), HttpStatusCode.OK);
        Assert.Equal(gateway.HashAt(21).ToString(), next.GetProperty("blockHash").GetString());
    }

    [Fact]
    public async Task MalformedPushesNameTheField()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "badpush");
        string hash = gateway.HashAt(1).ToString();
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { blockHash = hash, timestamp = 1UL }), HttpStatusCode.BadRequest, "height");
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { height = 1UL, blockHash = "xyz", timestamp = 1UL }), HttpStatusCode.BadRequest, "blockHash");
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { height = 1UL, blockHash = new string('0', 64), timestamp = 1UL }), HttpStatusCode.BadRequest, "blockHash");
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { height = 1UL, blockHash = hash }), HttpStatusCode.BadRequest, "timestamp");
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { height = 1UL, blockHash = hash, timestamp = 1UL, beacon = "12" }), HttpStatusCode.BadRequest, "beacon");
        await ProblemAssert.IsProblemAsync(await gateway.PushAsync(new { height = "one", blockHash = hash, timestamp = 1UL }), HttpStatusCode.BadRequest, "height");
        using HttpRequestMessage text = new(HttpMethod.Post, "/api/blocks") { Content = new StringContent("height=1") };
        text.Headers.Authorization = new("Bearer", GatewayHost.Token);
        await ProblemAssert.IsProblemAsync(await gateway.Client.SendAsync(text), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/blocks/abc"), HttpStatusCode.BadRequest, "height");
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.NotFound, "height");
    }
}
