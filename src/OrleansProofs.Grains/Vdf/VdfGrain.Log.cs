// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Logging;

namespace OrleansProofs.Grains.Vdf;

/// <summary>Log messages of <see cref="VdfGrain"/>.</summary>
internal sealed partial class VdfGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "VDF {Owner} started on its own thread: {BufferBytes}-byte buffer, checkpoint {Sequence} at {Iterations} iterations, restart count {RestartCount}")]
    private static partial void LogStarted(ILogger logger, string owner, ulong bufferBytes, ulong sequence, ulong iterations, uint restartCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "VDF {Owner} stopped ({Reason}); its buffer is released")]
    private static partial void LogStopped(ILogger logger, string owner, string? reason);
}
