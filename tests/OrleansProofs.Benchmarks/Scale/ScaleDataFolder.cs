// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text.Json;

namespace OrleansProofs.Benchmarks.Scale;

/// <summary>
/// A data folder kept between runs (<c>--data DIR</c>): after registration the runner writes
/// <c>scale-registration.json</c> (chains, file size, profile, storage, registration time), and a later run
/// with the same chain count, file size, profile and storage reuses the node instead of registering again.
/// </summary>
internal sealed class ScaleDataFolder(string directory)
{
    private const string FileName = "scale-registration.json";

    private string MarkerPath => Path.Combine(directory, FileName);

    /// <summary>The registration time recorded by the run that registered the chains.</summary>
    public double RegistrationSeconds { get; private set; }

    /// <summary>True when an earlier run registered exactly these chains in this folder.</summary>
    /// <exception cref="ArgumentException">The folder holds a registration of another shape (the message says which).</exception>
    public bool HoldsRegistration(ScaleOptions options)
    {
        if (!File.Exists(MarkerPath))
        {
            return false;
        }

        Marker marker = JsonSerializer.Deserialize<Marker>(File.ReadAllText(MarkerPath))
            ?? throw new ArgumentException($"{MarkerPath} is empty; delete the folder to register again.", "--data");
        if (marker.Chains != options.Chains || marker.FileSize != options.FileSize || marker.Profile != options.Profile || marker.Storage != options.Storage)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--data {directory} holds {marker.Chains:N0} chains of {marker.FileSize:N0} B ({marker.Profile}, {marker.Storage}); this run asks for {options.Chains:N0} of {options.FileSize:N0} B ({options.Profile}, {options.Storage}). Use another folder."), "--data");
        }

        RegistrationSeconds = marker.RegistrationSeconds;
        return true;
    }

    /// <summary>Records that this folder's node now holds the registered chains.</summary>
    public void RecordRegistration(ScaleOptions options, double registrationSeconds) =>
        File.WriteAllText(MarkerPath, JsonSerializer.Serialize(new Marker(options.Chains, options.FileSize, options.Profile, options.Storage, registrationSeconds)));

    /// <summary>The marker's content.</summary>
    private sealed record Marker(int Chains, int FileSize, string Profile, string Storage, double RegistrationSeconds);
}
