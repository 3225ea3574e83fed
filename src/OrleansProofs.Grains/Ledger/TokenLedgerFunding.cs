// SPDX-License-Identifier: MIT

using System.Globalization;
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
internal sealed partial class TokenLedgerFunding(ITokenLedger ledger, IOptions<TokenLedgerOptions> options, ILogger<TokenLedgerFunding> logger)
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
        foreach ((string account, ulong amount) in value.Funding.OrderBy(pair => pair.Key, StringComparer.Ordinal))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger: credited {Amount} to {Account} (development funding)")]
    private static partial void LogFunded(ILogger logger, string account, string amount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger: development funding of {Account} was rejected: {Detail}")]
    private static partial void LogFundingRejected(ILogger logger, string account, string? detail);
}
