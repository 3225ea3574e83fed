// SPDX-License-Identifier: MIT

using OrleansProofs.Cli.Gateway;

namespace OrleansProofs.Cli.Tests.Gateway;

/// <summary>
/// The upload body behind <c>posc chains add</c>'s progress bar: it writes the file's exact bytes,
/// declares its length up front, and reports the bytes handed to the connection, rising to the total.
/// </summary>
public sealed class ProgressFileContentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task ReportsTheBytesSentUpToTheFileLength()
    {
        byte[] data = new byte[300_000];
        new Random(3).NextBytes(data);
        string path = _temp.File("upload.bin");
        await File.WriteAllBytesAsync(path, data);
        List<(long Sent, long Total)> reports = [];

        using ProgressFileContent content = new(path, (sent, total) => reports.Add((sent, total)));
        Assert.Equal(data.Length, content.Headers.ContentLength);
        using MemoryStream wire = new();
        await content.CopyToAsync(wire);

        Assert.Equal(data, wire.ToArray());
        Assert.Equal((0L, (long)data.Length), reports[0]);
        Assert.Equal(((long)data.Length, (long)data.Length), reports[^1]);
        Assert.True(reports.Count > 2, $"expected a report per chunk, got {reports.Count}");
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.Second.Sent > pair.First.Sent));
    }

    public void Dispose() => _temp.Dispose();
}
