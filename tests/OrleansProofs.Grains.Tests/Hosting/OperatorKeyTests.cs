// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansProofs.Silo.Hosting;

namespace OrleansProofs.Grains.Tests.Hosting;

/// <summary>
/// The embedded host's operator API key: created at first start as {data}/operator.key (64 hex
/// characters, mode 0600 on Unix, distinct from the adapter token), read again on restart, replaced by
/// <c>--api-key</c>; only it opens <c>POST /api/chains</c> over real HTTP. A corrupt key file fails the
/// start naming the setting that replaces it.
/// </summary>
public sealed class OperatorKeyTests
{
    private static readonly Dictionary<string, string?> NoBlocks = new() { [NodeHost.ChainSection + ":Source"] = "none" };

    [Fact]
    public async Task KeyFileIsCreatedOnceReusedAndOverriddenByApiKey()
    {
        await using EmbeddedNode node = new(NoBlocks, api: true);
        string path = Path.Combine(node.DataDirectory, BearerKeyFile.OperatorKeyFileName);
        await node.StartAsync();
        string key = File.ReadAllText(path).Trim();
        Assert.Matches("^[0-9a-f]{64}$", key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        string adapterToken = File.ReadAllText(Path.Combine(node.DataDirectory, BearerKeyFile.AdapterTokenFileName)).Trim();
        Assert.NotEqual(adapterToken, key);
        using HttpClient client = new() { BaseAddress = node.ApiAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await RegisterAsync(client, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RegisterAsync(client, adapterToken)).StatusCode);
        await AssertAdmittedAsync(client, key);

        await node.StopAsync();
        await node.StartAsync();
        Assert.Equal(key, File.ReadAllText(path).Trim());
        await AssertAdmittedAsync(client, key);

        await node.StopAsync();
        const string Override = "operator-key-from-the-command-line";
        await node.StartAsync("--api-key", Override);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RegisterAsync(client, key)).StatusCode);
        await AssertAdmittedAsync(client, Override);
        Assert.Equal(key, File.ReadAllText(path).Trim());
    }

    [Fact]
    public async Task CorruptKeyFileFailsTheStart()
    {
        await using EmbeddedNode node = new(NoBlocks, api: true);
        File.WriteAllText(Path.Combine(node.DataDirectory, BearerKeyFile.OperatorKeyFileName), "two words\n");

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.StartAsync());

        Assert.Contains(NodeHost.GatewaySection + ":ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("two words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFileHelperCreatesThenReads()
    {
        string folder = Path.Combine(Path.GetTempPath(), "posc-keyfile-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(folder, "nested", BearerKeyFile.OperatorKeyFileName);
            string first = BearerKeyFile.LoadOrCreate(path, "Setting", out bool created);
            Assert.True(created);
            Assert.Equal(first, BearerKeyFile.LoadOrCreate(path, "Setting", out created));
            Assert.False(created);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The key passes the filter: the request reaches registration, which refuses the missing file by name.</summary>
    private static async Task AssertAdmittedAsync(HttpClient client, string key)
    {
        using HttpResponseMessage response = await RegisterAsync(client, key);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("path", JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string? key)
    {
        HttpRequestMessage request = new(HttpMethod.Post, "/api/chains") { Content = JsonContent.Create(new { path = "no-such-file.bin" }) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client.SendAsync(request);
    }
}
