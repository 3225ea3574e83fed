// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using OrleansProofs.Core.Hashing;
using OrleansProofs.Core.Protocol;
using OrleansProofs.Core.Storage;
using OrleansProofs.Gateway.Tests.Infrastructure;

namespace OrleansProofs.Gateway.Tests.Api;

/// <summary>
/// <c>POST /api/chains</c> as <c>multipart/form-data</c>: the uploaded file is stored content-addressed
/// in the data folder's uploads folder and registered like a JSON path (the same chain id, a repeat is
/// 200 with alreadyRegistered), and the chain is then proven; refused uploads (no key, empty, missing
/// file part, unknown field, bad metadata or policy, over the size limit declared or streamed) are
/// problems naming the field and leave no file behind.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UploadApiTests(ClusterFixture fixture)
{
    [Fact]
    public async Task UploadedFileRegistersAndProves()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "upload");
        await gateway.PushCanonicalAsync(10);
        byte[] bytes = RandomBytes(50_000, seed: 21);
        Hash32 chainId = ChainId.Compute(DataHash.Compute(bytes), fixture.Prover);
        string stored = StoredPath(gateway, bytes);

        using HttpResponseMessage unauthenticated = await gateway.Client.PostAsync("/api/chains", Form(bytes));
        await ProblemAssert.IsProblemAsync(unauthenticated, HttpStatusCode.Unauthorized, "Authorization");
        Assert.False(File.Exists(stored));

        using HttpResponseMessage created = await gateway.Operator.PostAsync("/api/chains", Form(bytes, ("retentionPolicy", "archival"), ("metadata", "{\"owner\":\"ops\"}")));
        JsonElement registration = await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal(chainId.ToString(), registration.GetProperty("chainId").GetString());
        Assert.Equal($"/api/chains/{chainId}", created.Headers.Location?.ToString());
        Assert.Equal(13UL, registration.GetProperty("totalChunks").GetUInt64());
        Assert.Equal("archival", registration.GetProperty("retentionPolicy").GetString());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        AssertNoTemporaryFiles(gateway);

        using HttpResponseMessage again = await gateway.Operator.PostAsync("/api/chains", Form(bytes));
        JsonElement repeated = await ProblemAssert.IsJsonAsync(again, HttpStatusCode.OK);
        Assert.True(repeated.GetProperty("alreadyRegistered").GetBoolean());
        Assert.Equal(chainId.ToString(), repeated.GetProperty("chainId").GetString());
        Assert.True(File.Exists(stored), "a repeated upload keeps the stored file of the registered chain");
        AssertNoTemporaryFiles(gateway);

        for (ulong height = 11; height <= 13; height++)
        {
            await gateway.PushCanonicalAsync(height);
        }

        JsonElement chain = await ProblemAssert.IsJsonAsync(await gateway.Client.GetAsync($"/api/chains/{chainId}"), HttpStatusCode.OK);
        Assert.Equal("active", chain.GetProperty("status").GetString());
        Assert.Equal("ops", chain.GetProperty("metadata").GetProperty("owner").GetString());
        using HttpResponseMessage proof = await gateway.Client.GetAsync($"/api/chains/{chainId}/proofs/compact");
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        using ByteArrayContent body = new(await proof.Content.ReadAsByteArrayAsync());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        JsonElement verdict = await ProblemAssert.IsJsonAsync(await gateway.Client.PostAsync($"/api/proofs/verify?format=compact&chainId={chainId}", body), HttpStatusCode.OK);
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.Equal(13UL, verdict.GetProperty("height").GetUInt64());
    }

    [Fact]
    public async Task RefusedUploadsNameTheFieldAndLeaveNoFile()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "upbad");
        await gateway.PushCanonicalAsync(1);
        byte[] bytes = RandomBytes(30_000, seed: 22);
        string stored = StoredPath(gateway, bytes);

        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form([])), HttpStatusCode.BadRequest, "file");
        using MultipartFormDataContent noFile = new() { { new StringContent("archival"), "retentionPolicy" } };
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", noFile), HttpStatusCode.BadRequest, "file");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form(bytes, ("owner", "ops"))), HttpStatusCode.BadRequest, "owner");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form(bytes, ("metadata", "{\"owner\":1}"))), HttpStatusCode.BadRequest, "metadata.owner");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form(bytes, ("metadata", "[1"))), HttpStatusCode.BadRequest, "metadata");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form(bytes, ("retentionPolicy", "forever"))), HttpStatusCode.BadRequest, "retentionPolicy");
        using MultipartFormDataContent twoFiles = Form(bytes);
        twoFiles.Add(new ByteArrayContent(bytes), "file", "again.bin");
        await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", twoFiles), HttpStatusCode.BadRequest, "file");

        Assert.False(File.Exists(stored), "a refused upload must not leave its stored file");
        AssertNoTemporaryFiles(gateway);
        await ProblemAssert.IsProblemAsync(
            await gateway.Client.GetAsync($"/api/chains/{ChainId.Compute(DataHash.Compute(bytes), fixture.Prover)}"), HttpStatusCode.NotFound, "chainId");
    }

    [Fact]
    public async Task OversizedUploadIs413AndLeavesNoFile()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "upbig", options => options.MaxUploadBytes = 10_000);
        await gateway.PushCanonicalAsync(1);

        // Streamed past the limit (the declared length is within file limit + form allowance), chunked, and declared far over it.
        foreach ((byte[] bytes, bool chunked) in new[] { (RandomBytes(20_000, seed: 23), false), (RandomBytes(20_000, seed: 24), true), (RandomBytes(200_000, seed: 25), false) })
        {
            using MultipartFormDataContent form = new();
            HttpContent file = chunked ? new StreamContent(new UnseekableStream(bytes)) : new ByteArrayContent(bytes);
            form.Add(file, "file", "big.bin");
            string reason = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", form), HttpStatusCode.RequestEntityTooLarge, "file");
            Assert.Contains("10000", reason);
            Assert.False(File.Exists(StoredPath(gateway, bytes)));
        }

        AssertNoTemporaryFiles(gateway);
        byte[] small = RandomBytes(9_000, seed: 26);
        await ProblemAssert.IsJsonAsync(await gateway.Operator.PostAsync("/api/chains", Form(small)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task GatewayWithoutTheDataVolumeRefusesUploads()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(fixture, "upnovol", options => options.DataDirectory = null);
        await gateway.PushCanonicalAsync(1);
        string reason = await ProblemAssert.IsProblemAsync(await gateway.Operator.PostAsync("/api/chains", Form(RandomBytes(5_000, seed: 27))), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Contains("DataDirectory", reason);
    }

    private static MultipartFormDataContent Form(byte[] file, params (string Name, string Value)[] fields)
    {
        MultipartFormDataContent form = new() { { new ByteArrayContent(file), "file", "data.bin" } };
        foreach ((string name, string value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        BitConverter.GetBytes(Environment.TickCount64).CopyTo(bytes, 0);
        return bytes;
    }

    private static string StoredPath(GatewayHost gateway, byte[] bytes) =>
        Path.Combine(gateway.DataDirectory, "uploads", Convert.ToHexStringLower(SHA256.HashData(bytes)) + ".bin");

    private static void AssertNoTemporaryFiles(GatewayHost gateway)
    {
        string folder = Path.Combine(gateway.DataDirectory, "uploads");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tmp") : []);
    }
}
