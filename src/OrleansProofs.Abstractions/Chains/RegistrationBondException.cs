// SPDX-License-Identifier: MIT

namespace OrleansProofs.Abstractions.Chains;

/// <summary>
/// A chain registration was refused because the prover's ledger account could not post the
/// registration bond (ConsensusParameters.RegistrationBond): nothing was registered or enrolled. The
/// gateway answers it as a 409 problem naming "registrationBond"; the same registration succeeds once
/// the account holds the bond.
/// </summary>
[GenerateSerializer]
[Alias("OrleansProofs.RegistrationBondException")]
public sealed class RegistrationBondException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public RegistrationBondException()
        : base("The registration bond could not be posted.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RegistrationBondException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public RegistrationBondException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
