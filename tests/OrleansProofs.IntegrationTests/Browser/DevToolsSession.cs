// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace OrleansProofs.IntegrationTests.Browser;

/// <summary>
/// A Chrome DevTools protocol connection to one page target: commands are JSON messages
/// <c>{ id, method, params }</c> over a WebSocket, answered by <c>{ id, result }</c> or <c>{ id, error }</c>;
/// events (messages without an id) are not needed here and are dropped.
/// </summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiver = Task.CompletedTask;
    private int _nextId;

    /// <summary>Connects to a target's <c>webSocketDebuggerUrl</c>.</summary>
    public static async Task<DevToolsSession> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        DevToolsSession session = new();
        await session._socket.ConnectAsync(endpoint, cancellationToken);
        session._receiver = Task.Run(session.ReceiveAsync, CancellationToken.None);
        return session;
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error throws with the method and the error.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref _nextId);
        TaskCompletionSource<JsonElement> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        byte[] message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }

        using CancellationTokenRegistration registration = cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
        return await answer.Task;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> in the page (awaiting a returned promise) and returns its
    /// value by value; a script exception throws with the page's message.
    /// </summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        JsonElement result = await SendAsync("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out JsonElement exception))
        {
            throw new InvalidOperationException($"The page threw evaluating `{expression}`: {exception}");
        }

        JsonElement value = result.GetProperty("result");
        return value.TryGetProperty("value", out JsonElement v) ? v : default;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
                // The browser is going away anyway; its process is killed by its owner.
            }
        }

        _socket.Abort();
        await _receiver;
        _socket.Dispose();
        _sendGate.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveAsync()
    {
        byte[] buffer = new byte[64 * 1024];
        using MemoryStream message = new();
        Exception? failure = null;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        failure = new InvalidOperationException("The browser closed the DevTools connection.");
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
            }
        }
        catch (Exception error)
        {
            failure = error;
        }
        finally
        {
            failure ??= new ObjectDisposedException(nameof(DevToolsSession));
            foreach (TaskCompletionSource<JsonElement> pending in _pending.Values)
            {
                pending.TrySetException(failure);
            }
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("id", out JsonElement id) || !_pending.TryRemove(id.GetInt32(), out TaskCompletionSource<JsonElement>? answer))
        {
            return;
        }

        if (root.TryGetProperty("error", out JsonElement error))
        {
            answer.TrySetException(new InvalidOperationException($"DevTools command {id.GetInt32()} failed: {error}"));
        }
        else
        {
            answer.TrySetResult(root.GetProperty("result").Clone());
        }
    }
}
