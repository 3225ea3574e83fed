// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Options;

namespace OrleansProofs.Gateway.Hosting;

/// <summary>What the HTTP gateway serves, how it authenticates operators and block adapters, and how much it reads.</summary>
public sealed class GatewayOptions
{
    /// <summary>Shortest accepted <see cref="ApiKey"/> or <see cref="AdapterToken"/>, in characters.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Gets or sets the network (block ingress key) this gateway serves. Default: "default".</summary>
    public string Network { get; set; } = "default";

    /// <summary>
    /// Gets or sets the operator's API key, presented as <c>Authorization: Bearer …</c> on every request
    /// that changes state except block pushes (<c>POST /api/chains</c>, removals, challenge administration).
    /// When null or empty, those requests are all refused with 401. Default: null.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the bearer token a blockchain adapter presents on <c>POST /api/blocks</c>. When null
    /// or empty, every push is refused with 401 (a gateway never accepts unauthenticated blocks). Default: null.
    /// </summary>
    public string? AdapterToken { get; set; }

    /// <summary>
    /// Gets or sets the node's data folder as this process sees it. Multipart uploads to
    /// <c>POST /api/chains</c> are written to its <c>uploads</c> folder and registered by that relative
    /// path, so it must be the silo's data folder (the same volume); when null, uploads are refused
    /// with 415 and only JSON <c>{ path }</c> registration is served. Default: null.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Gets or sets the seconds a 503 (the cluster or its storage did not answer) tells HTTP clients to
    /// wait before retrying, in its <c>Retry-After</c> header. Default: 2.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Gets or sets the largest proof body <c>POST /api/proofs/verify</c> reads, in bytes. Default: 4 MiB.</summary>
    public int MaxProofBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the largest JSON request body (and multipart form field) the gateway reads, in bytes. Default: 64 KiB.</summary>
    public int MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the largest file a multipart upload to <c>POST /api/chains</c> may carry, in bytes. Default: 1 GiB.</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;
}

/// <summary>
/// Checks <see cref="GatewayOptions"/> when they are first read: keys long enough and free of
/// whitespace, the operator key distinct from the adapter token (else an adapter could administer
/// chains), positive limits, an existing data folder.
/// </summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        List<string> failures = [];
        CheckKey(options.ApiKey, nameof(GatewayOptions.ApiKey), failures);
        CheckKey(options.AdapterToken, nameof(GatewayOptions.AdapterToken), failures);
        if (!string.IsNullOrEmpty(options.ApiKey) && options.ApiKey == options.AdapterToken)
        {
            failures.Add("GatewayOptions.ApiKey must differ from GatewayOptions.AdapterToken: the adapter's token must not open the operator's endpoints.");
        }

        if (string.IsNullOrWhiteSpace(options.Network))
        {
            failures.Add("GatewayOptions.Network must name the network served.");
        }

        if (options.MaxProofBytes <= 0 || options.MaxJsonBodyBytes <= 0 || options.MaxUploadBytes <= 0)
        {
            failures.Add($"GatewayOptions.MaxProofBytes ({options.MaxProofBytes}), MaxJsonBodyBytes ({options.MaxJsonBodyBytes}) and MaxUploadBytes ({options.MaxUploadBytes}) must be positive.");
        }

        if (options.RetryAfterSeconds is < 1 or > 3600)
        {
            failures.Add($"GatewayOptions.RetryAfterSeconds must be 1 to 3600; got {options.RetryAfterSeconds}.");
        }

        if (options.DataDirectory is { } data && !Directory.Exists(data))
        {
            failures.Add($"GatewayOptions.DataDirectory '{data}' is not an existing folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(string? key, string setting, List<string> failures)
    {
        if (!string.IsNullOrEmpty(key) && (key.Length < GatewayOptions.MinimumKeyLength || key.Any(char.IsWhiteSpace)))
        {
            // The key itself stays out of the message: it would end up in logs.
            failures.Add($"GatewayOptions.{setting} must be at least {GatewayOptions.MinimumKeyLength} characters without whitespace (it has {key.Length}).");
        }
    }
}
