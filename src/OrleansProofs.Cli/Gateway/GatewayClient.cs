// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansProofs.Cli.Gateway;

/// <summary>
/// The HTTP side of the gateway commands: sends a request to the gateway (with the operator key when
/// the endpoint needs it) and returns a successful response, or throws a <see cref="CliException"/>
/// that tells the user what went wrong — the problem document's status, title, field and reason
/// (exit 1 for 4xx, 3 for 5xx), how to pass the key on 401, and which URL could not be reached and
/// how to start a node when nothing answers (exit 3). With <c>--json</c> a problem document is also
/// printed on stdout as the gateway sent it, so scripts can read its <c>field</c>.
/// </summary>
internal sealed class GatewayClient : IDisposable
{
    /// <summary>How long a request may take before the gateway counts as unavailable (uploads are not limited).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private const string StartHint = "dotnet run --project src/OrleansProofs.Silo";

    private readonly HttpClient _http;
    private readonly GatewayTarget _target;
    private readonly ConsoleOutput _output;

    /// <summary>Creates a client for <paramref name="target"/> reporting through <paramref name="output"/>.</summary>
    public GatewayClient(GatewayTarget target, ConsoleOutput output)
    {
        _target = target;
        _output = output;
        _http = new HttpClient { BaseAddress = target.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("posc", typeof(GatewayClient).Assembly.GetName().Version?.ToString(3)));
    }

    /// <summary>The gateway's base URL.</summary>
    public Uri BaseAddress => _target.BaseAddress;

    /// <summary>GETs <paramref name="path"/> and returns its JSON body.</summary>
    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, path);
        using HttpResponseMessage response = await SendAsync(request, operatorKey: false, RequestTimeout, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/>, adding the operator key when <paramref name="operatorKey"/>;
    /// returns the response when its status is 2xx, else throws the failure as a <see cref="CliException"/>.
    /// <paramref name="timeout"/> null: no limit (an upload of any size).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool operatorKey, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operatorKey && _target.Key is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Value);
        }

        Uri url = new(_target.BaseAddress, request.RequestUri!);
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after)
        {
            limit.CancelAfter(after);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw Unreachable(url, Innermost(error).Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.GatewayUnavailable,
                $"the gateway at {_target.BaseAddress} did not answer {request.Method} {url.PathAndQuery} within {timeout?.TotalSeconds:0} s; it may be overloaded or stuck (see the node's log).");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Refused(request.Method, url, response, body, keyRequired: operatorKey);
        }
    }

    /// <summary>Reads a successful response's body as JSON; a body that is not JSON means the URL is not a posc gateway.</summary>
    public async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(body) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new CliException(ExitCodes.GatewayUnavailable,
                $"{new Uri(_target.BaseAddress, path)} answered {(int)response.StatusCode} with a body that is not JSON ({Excerpt(body)}); is {_target.BaseAddress} a posc gateway?");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private CliException Unreachable(Uri url, string why) =>
        new(ExitCodes.GatewayUnavailable,
            $"cannot reach the gateway at {_target.BaseAddress} ({url.PathAndQuery}): {why}" + Environment.NewLine +
            $"  The node may not be running: start one with '{StartHint}'," + Environment.NewLine +
            $"  or point posc at a running gateway with --gateway URL or ${GatewayOptions.GatewayVariable}.");

    /// <summary>The failure for a non-2xx answer: the problem's title, field and reason, and what to do about it.</summary>
    private CliException Refused(HttpMethod method, Uri url, HttpResponseMessage response, string body, bool keyRequired)
    {
        int status = (int)response.StatusCode;
        JsonObject? problem = ParseProblem(body);
        if (_output.Json && problem is not null)
        {
            _output.Out.WriteLine(problem.ToJsonString(ConsoleOutput.JsonOptions));
        }

        StringBuilder message = new();
        string title = problem?["title"]?.GetValue<string>() ?? response.ReasonPhrase ?? "error";
        message.Append(System.Globalization.CultureInfo.InvariantCulture, $"{status} {title}");
        string? field = Text(problem, "field");
        if (field is not null)
        {
            message.Append(System.Globalization.CultureInfo.InvariantCulture, $" (field '{field}')");
        }

        string? reason = Text(problem, "reason") ?? Text(problem, "detail");
        message.Append(": ").Append(reason ?? $"{method} {url.PathAndQuery} answered with {Excerpt(body)}");
        if (problem is null && status == (int)HttpStatusCode.NotFound)
        {
            message.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"  The answer is not a problem document: is {_target.BaseAddress} a posc gateway?");
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            message.AppendLine().Append(_target.Key is { } key && keyRequired
                ? $"  The key from {key.Source} is not this gateway's operator key: use the node's data/operator.key (--api-key-file), or the key it was started with (--api-key)."
                : $"  This command needs the operator key: pass --api-key-file <node data>/operator.key, --api-key KEY, or set ${GatewayOptions.ApiKeyVariable}.");
        }

        if (status >= 500)
        {
            message.AppendLine().Append("  The gateway answered but the node behind it failed; see the node's log, and try again.");
            return new CliException(ExitCodes.GatewayUnavailable, message.ToString());
        }

        return new CliException(ExitCodes.GatewayRefused, message.ToString());
    }

    private static JsonObject? ParseProblem(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject document && document.ContainsKey("status") ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? document, string name) =>
        document?[name] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrEmpty(text) ? text : null;

    private static string Excerpt(string body)
    {
        string flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length == 0 ? "an empty body" : flat.Length <= 120 ? $"'{flat}'" : $"'{flat[..120]}…'";
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error;
    }
}
