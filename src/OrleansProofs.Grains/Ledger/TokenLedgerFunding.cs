// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansProofs.Abstractions.Adapters;
using OrleansProofs.Abstractions.Ledger;
using OrleansProofs.Grains.Hosting;

namespace OrleansProofs.Grains.Ledger;

/// <summary>
/// Credits <see cref="TokenLedgerOptions.Funding"/> when the silo becomes active (after the database
/// scripts ran), so a development node has tokens to bond without any endpoint. Idempotent by the
/// movement id <see cref="MovementId"/>: every restart replays the same credits without effect.
/// </summary>
/// <remarks>
/// Lifecycle participants are created before the silo validates its configuration, so the node context
/// (which creates folders and the key) is resolved only when funding runs.
/// </remarks>
internal sealed partial class TokenLedgerFunding(ITokenLedger ledger, IOptions<TokenLedgerOptions> options, IServiceProvider services, ILogger<TokenLedgerFunding> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The credit's movement id for funding <paramref name="account"/> with <paramref name="amount"/>.</summary>
    public static string MovementId(string account, ulong amount) =>
        string.Create(CultureInfo.InvariantCulture, $"dev-funding/{account}/{amount}");

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TokenLedgerFunding), ServiceLifecycleStage.Active, FundAsync);

    private async Task FundAsync(CancellationToken cancellationToken)
    {
        TokenLedgerOptions value = options.Value;
        NodeContext node = services.GetRequiredService<NodeContext>();
        List<KeyValuePair<string, ulong>> credits = [.. value.Funding.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
        if (NodeFundingOf(value, node) is > 0 and var nodeFunding)
        {
            credits.Add(new(ProverAccount.Of(node.Key.PublicKey), nodeFunding));
        }

        foreach ((string account, ulong amount) in credits)
        {
            LedgerResult result = await ledger.CreditAsync(MovementId(account, amount), account, amount, cancellationToken);
            if (result.Outcome == LedgerOutcome.Applied)
            {
                LogFunded(logger, account, value.Format(amount));
            }
            else if (result.Outcome == LedgerOutcome.Rejected)
            {
                LogFundingRejected(logger, account, result.Detail);
            }
        }
    }

    /// <summary>The node account's development funding: the configured amount, or the development default on a dev network.</summary>
    internal static ulong NodeFundingOf(TokenLedgerOptions options, NodeContext node) =>
        options.NodeFunding ?? (IsDevelopment(node.Parameters.Name) ? TokenLedgerOptions.DevNodeFunding : 0);

    private static bool IsDevelopment(string profile) =>
        string.Equals(profile, "dev", StringComparison.OrdinalIgnoreCase) || profile.StartsWith("dev-", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger: credited {Amount} to {Account} (development funding)")]
    private static partial void LogFunded(ILogger logger, string account, string amount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger: development funding of {Account} was rejected: {Detail}")]
    private static partial void LogFundingRejected(ILogger logger, string account, string? detail);
}
