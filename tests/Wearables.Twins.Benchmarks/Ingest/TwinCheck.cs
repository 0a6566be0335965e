namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>
/// What the twins hold after an end-to-end round, read back through the REST API, against what the
/// publisher had acknowledged. A Success PUBACK promises the samples are durable and applied, so the
/// wearable twins must hold at least the acknowledged samples less those the host kept only once because
/// they repeated a measurement inside the same message.
/// </summary>
internal sealed record TwinCheck
{
    public long AckedSamples { get; init; }

    /// <summary>Samples the host made durable (its <c>twins.ingest.samples.accepted</c> counter); null if not exposed.</summary>
    public long? HostAccepted { get; init; }

    public long HostRejected { get; init; }

    public long HostRefusedMessages { get; init; }

    /// <summary>Acknowledged samples the host neither accepted nor rejected: repeats inside one message.</summary>
    public long InMessageDuplicates => HostAccepted is { } accepted ? Math.Max(0, AckedSamples - accepted - HostRejected) : 0;

    /// <summary>The least the wearable twins must hold.</summary>
    public long Required => AckedSamples - InMessageDuplicates - HostRejected;

    public long WearableSamples { get; init; }

    public long WearableDuplicates { get; init; }

    public long WearablePending { get; init; }

    public long PatientSamples { get; init; }

    public int WearablesFound { get; init; }

    public int PatientsFound { get; init; }

    public int Devices { get; init; }

    public bool Passed => WearableSamples >= Required;

    public string Describe()
        => Passed
            ? $"OK: wearables hold {WearableSamples:N0} samples ≥ {Required:N0} required " +
              $"({AckedSamples:N0} acknowledged − {InMessageDuplicates:N0} in-message duplicates − {HostRejected:N0} rejected); " +
              $"patients hold {PatientSamples:N0}; {WearablesFound}/{Devices} wearables, {PatientsFound}/{Devices} patients found"
            : $"FAILED: wearables hold {WearableSamples:N0} samples < {Required:N0} required " +
              $"({AckedSamples:N0} acknowledged − {InMessageDuplicates:N0} in-message duplicates − {HostRejected:N0} rejected); " +
              $"{WearablesFound}/{Devices} wearables found";
}
