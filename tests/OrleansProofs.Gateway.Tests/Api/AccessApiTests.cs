// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Gateway.Hosting;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// The operator API key guards <c>POST /api/chains</c>: missing, malformed, wrong or the adapter's
/// token is a 401 problem naming Authorization and no chain appears; the right key registers. The
/// adapter token guards <c>POST /api/blocks</c> and the operator key does not open it. JSON bodies
/// over <see cref="GatewayOptions.MaxJsonBodyBytes"/> are 413 naming body, and the options refuse an
/// operator key equal to the adapter token.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AccessApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegistrationNeedsTheOperatorKey()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "opkey");
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(20_000, seed: 11);
        string chainId = gateway.ChainIdOf(file).ToString();

        using HttpResponseMessage missing = await gateway.Client.PostAsJsonAsync("/api/chains", new { path = file });
        string reason = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains("operator API key", reason);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().ToString());
        foreach (AuthenticationHeaderValue credential in new AuthenticationHeaderValue[]
        {
            new("Bearer", "not-the-operator-key"),
            new("Bearer", GatewayHost.Token),
            new("Basic", GatewayHost.ApiKey),
            new("Bearer", GatewayHost.ApiKey + "x"),
        })
        {
            using HttpResponseMessage refused = await RegisterAsync(gateway, file, credential);
            string refusal = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "Authorization");
            Assert.DoesNotContain(GatewayHost.ApiKey, refusal);
            Assert.StartsWith("Bearer", refused.Headers.WwwAuthenticate.Single().ToString());
        }

        // Nothing was registered by the refused requests.
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.NotFound, "chainId");
        JsonElement stats = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/network/stats"), HttpStatusCode.OK);
        Assert.Equal(0UL, stats.GetProperty("totalChains").GetUInt64());

        using HttpResponseMessage created = await RegisterAsync(gateway, file, new("Bearer", GatewayHost.ApiKey));
        JsonElement registration = await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal(chainId, registration.GetProperty("chainId").GetString());
    }

    [Fact]
    public async Task BlockPushRefusesTheOperatorKey()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "adkey");
        object block = new { height = 5UL, blockHash = gateway.HashAt(5).ToString(), timestamp = GatewayHost.TimestampAt(5) };

        using HttpResponseMessage refused = await gateway.PushAsync(block, GatewayHost.ApiKey);
        Assert.Contains("adapter token", await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "Authorization"));
        Assert.Equal("Bearer error=\"invalid_token\"", refused.Headers.WwwAuthenticate.Single().ToString());
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.NotFound, "height");
        await ProblemAssert.IsJsonAsync(await gateway.PushAsync(block), HttpStatusCode.Created);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyEveryChangeIsRefused()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "nokey", options => options.ApiKey = null);
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(20_000, seed: 12);

        string reason = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains("GatewayOptions.ApiKey", reason);
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{gateway.ChainIdOf(file)}"), HttpStatusCode.NotFound, "chainId");
    }

    [Fact]
    public async Task JsonBodiesAreSizeLimited()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "jsonlimit", options => options.MaxJsonBodyBytes = 1024);
        await gateway.PushCanonicalAsync(1);
        string file = gateway.WriteFile(20_000, seed: 13);
        object large = new { path = file, metadata = new { note = new string('n', 2000) } };

        string reason = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", large), HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Contains("1024", reason);
        await ProblemAssert.IsProblemAsync(await gateway.Client.GetAsync($"/api/chains/{gateway.ChainIdOf(file)}"), HttpStatusCode.NotFound, "chainId");

        // A declared length over the limit is refused before reading; an undeclared (chunked) one while reading.
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(new { height = 2UL, blockHash = gateway.HashAt(2).ToString(), timestamp = GatewayHost.TimestampAt(2), padding = new string('p', 2000) });
        foreach (bool declared in new[] { true, false })
        {
            HttpContent content = declared ? new ByteArrayContent(json) : new StreamContent(new UnseekableStream(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpRequestMessage push = new(HttpMethod.Post, "/api/blocks") { Content = content };
            push.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
            await ProblemAssert.IsProblemAsync(await gateway.Client.SendAsync(push), HttpStatusCode.RequestEntityTooLarge, "body");
        }

        JsonElement latest = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync("/api/blocks/latest"), HttpStatusCode.OK);
        Assert.Equal(1UL, latest.GetProperty("height").GetUInt64());
        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsJsonAsync("/api/chains", new { path = file }), HttpStatusCode.Created);
    }

    [Fact]
    public void OptionsRefuseSharedOrShortKeys()
    {
        GatewayOptionsValidator validator = new();
        Assert.True(validator.Validate(null, new GatewayOptions { ApiKey = GatewayHost.ApiKey, AdapterToken = GatewayHost.Token }).Succeeded);

        string shared = new('k', 32);
        Microsoft.Extensions.Options.ValidateOptionsResult same = validator.Validate(null, new GatewayOptions { ApiKey = shared, AdapterToken = shared });
        Assert.True(same.Failed);
        Assert.Contains("must differ", same.FailureMessage);
        Assert.DoesNotContain(shared, same.FailureMessage);

        Microsoft.Extensions.Options.ValidateOptionsResult shortKey = validator.Validate(null, new GatewayOptions { ApiKey = "short-key" });
        Assert.True(shortKey.Failed);
        Assert.Contains("GatewayOptions.ApiKey", shortKey.FailureMessage);
        Assert.DoesNotContain("short-key", shortKey.FailureMessage);
        Assert.True(validator.Validate(null, new GatewayOptions { MaxUploadBytes = 0 }).Failed);
    }

    private static Task<HttpResponseMessage> RegisterAsync(GatewayHost gateway, string file, AuthenticationHeaderValue credential)
    {
        HttpRequestMessage request = new(HttpMethod.Post, "/api/chains") { Content = JsonContent.Create(new { path = file }) };
        request.Headers.Authorization = credential;
        return gateway.Client.SendAsync(request);
    }
}
