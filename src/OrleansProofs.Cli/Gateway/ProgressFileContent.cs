// SPDX-License-Identifier: MIT

using System.Net;

namespace OrleansProofs.Cli.Gateway;

/// <summary>
/// An upload body read from a file in chunks as the request is written — the file is never held in
/// memory — reporting the bytes handed to the connection after every chunk and once when all are
/// sent, so a progress bar follows the upload itself rather than the local disk read. Its length is
/// known up front, so the multipart body carries a <c>Content-Length</c> (the gateway refuses an
/// oversized upload from it before a byte is stored).
/// </summary>
internal sealed class ProgressFileContent(string path, Action<long, long> onSent) : HttpContent
{
    private const int ChunkSize = 81_920;

    private readonly long _length = new FileInfo(path).Length;

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using FileStream file = new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });
        byte[] buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        onSent(0, _length);
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            sent += read;
            onSent(sent, _length);
        }

        if (sent != _length)
        {
            throw new IOException($"'{path}' changed while it was uploaded: {_length} bytes expected, {sent} read.");
        }
    }

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
