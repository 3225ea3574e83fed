// SPDX-License-Identifier: MIT

using System.CommandLine;
using OrleansProofs.Core.Proofs;

namespace OrleansProofs.Cli.Commands;

/// <summary>The <c>--nonce</c> option of the commands that handle ultra-compact claims: 24 hex characters, parsed into an <see cref="AuditorNonce"/>.</summary>
internal static class NonceOption
{
    /// <summary>A new <c>--nonce</c> option with <paramref name="description"/>; a malformed value is a parse error naming the option.</summary>
    public static Option<AuditorNonce?> Create(string description) => new("--nonce")
    {
        Description = description,
        HelpName = "hex",
        CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (token.Length == 2 * AuditorNonce.Size && token.All(Uri.IsHexDigit))
            {
                return AuditorNonce.Parse(token);
            }

            result.AddError($"--nonce must be {2 * AuditorNonce.Size} hexadecimal characters (the 12-byte auditor nonce); got '{token}'.");
            return null;
        },
    };
}
