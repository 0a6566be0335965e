using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Testing;
using Xunit.Abstractions;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// Issue 7, several silos: three host processes share DynamoDB (dynalite) membership and twin state and split one
/// mosquitto stream through a shared subscription. One is killed with SIGKILL under load. Its twins re-activate on
/// the survivors from DynamoDB and answer again; its replacement, started on the same data directory with the same
/// MQTT client id (a StatefulSet pod with its volume), replays its telemetry log and resumes its broker session, and
/// then every sample the broker acknowledged to a device is in the twins. Both recovery times are printed.
/// </summary>
public sealed partial class MultiSiloTests(MosquittoFixture mosquitto, ITestOutputHelper output) : IClassFixture<MosquittoFixture>
{
    private const int Silos = 3;
    private const int Victim = 1;
    private const int Devices = 24;

    // One sample a second of device time per message: 150 stay inside the twin's 256-sample heart-rate window, so
    // the twin's own view (GET …/vitals without 'from') can show every one of them.
    private const int MessagesPerDevice = 150;

    // 5 messages a second per device, 120 a second in all, for 30 s; the kill comes after a third of them.
    private static readonly TimeSpan PublishPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ASiloKilledUnderLoadLosesNoAcknowledgedSampleAndItsTwinsAnswerAgainOnTheSurvivors()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var dynamoDb = await LocalServers.DynamoDbAsync();
        await using var cluster = await SiloCluster.StartAsync(Silos, run, Settings(run, dynamoDb));
        try
        {
            await KillOneUnderLoadAndReplaceItAsync(cluster, run);
        }
        catch (Exception) when (WriteOutputOf(cluster))
        {
            throw; // Not reached: the filter only prints the silos' logs while they still run.
        }
    }

    private async Task KillOneUnderLoadAndReplaceItAsync(SiloCluster cluster, string run)
    {
        await Task.WhenAll(cluster.Running.Select(silo => silo.WaitForOutputAsync("Subscribed to $share/", Within)));
        var devices = Enumerable.Range(0, Devices).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-watch-{i}")).ToArray();
        var patients = Enumerable.Range(0, Devices).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-patient-{i}")).ToArray();
        for (var i = 0; i < Devices; i++)
        {
            await cluster[i % Silos].Http.BindAsync(devices[i], patients[i]);
        }

        await using var fleet = await DeviceFleet.ConnectAsync(mosquitto.Broker.PlainPort, devices);
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        var firstSample = new DateTimeOffset(hourAgo.Ticks - (hourAgo.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var load = fleet.PublishAsync(MessagesPerDevice, PublishPeriod, firstSample, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var survivors = Enumerable.Range(0, Silos).Where(ordinal => ordinal != Victim).Select(ordinal => cluster[ordinal]).ToArray();
        await using var probe = AvailabilityProbe.Start([.. survivors.Select(s => s.Http)], patients, clock);

        // Kill under load.
        await fleet.WhenAcknowledgedAsync(Devices * MessagesPerDevice / 3).WaitAsync(Within);
        var killedAt = clock.Elapsed;
        var acknowledgedAtKill = fleet.Acknowledged;
        await cluster.KillAsync(Victim);

        // (a) Availability: the dead silo's twins re-activate on the survivors once membership declares it dead.
        var available = await probe.FirstFullSweepAfter(clock.Elapsed).WaitAsync(Within);
        var availabilityRecovery = available - killedAt;

        await load.WaitAsync(Within);
        var acknowledged = fleet.Acknowledged;
        var survivorsRedelivered = survivors.Sum(s => Regex.Count(s.Output, "re-activated before persisting"));

        // Before the replacement, samples are missing: the broker queued the dead silo's share of the stream on its
        // session, and its log holds what it acknowledged since its last checkpoint. Neither is anywhere else.
        var missingBefore = await MissingAsync(survivors[0].Http, devices, patients, fleet);
        Assert.True(missingBefore > 0, "Every acknowledged sample was in the twins before the replacement started: the test proves nothing.");

        // (b) Durability: the replacement mounts the same data directory and connects with the same client id.
        var replacementStarted = clock.Elapsed;
        await cluster.StartSiloAsync(Victim);
        var replacementReady = clock.Elapsed;
        var replacement = cluster[Victim];
        var subscribed = await replacement.WaitForOutputAsync("Subscribed to $share/", Within);
        Assert.Contains("session present: True", subscribed, StringComparison.Ordinal);
        var replay = ReplayReport().Match(await replacement.WaitForOutputAsync("Replayed ", Within));
        Assert.True(replay.Success);
        Assert.True(long.Parse(replay.Groups["records"].Value, CultureInfo.InvariantCulture) > 0,
            "The replacement found nothing to replay: its log was not the durable copy of anything.");

        var reads = 0;
        await Eventually.MatchesAsync(
            () => MissingAsync(cluster.Running[reads++ % Silos].Http, devices, patients, fleet),
            missing => missing == 0, Within, "every acknowledged sample in the twins");
        var durabilityRecovery = clock.Elapsed - replacementStarted;
        var end = clock.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {Silos} silos (DynamoDB membership and state on dynalite, mosquitto $share group), {Devices} devices, QoS 1, {1000 / PublishPeriod.TotalMilliseconds * Devices:0} msg/s offered.
            Killed silo {Victim} (SIGKILL) after {acknowledgedAtKill} acknowledged messages; {acknowledged} acknowledged in all.
            (a) twin availability recovery, kill -> every patient GET 200 on both survivors: {availabilityRecovery.TotalSeconds:0.0} s
            (b) durability recovery, replacement start -> every acknowledged sample in the twins: {durabilityRecovery.TotalSeconds:0.0} s
                (replacement process start to ready: {(replacementReady - replacementStarted).TotalSeconds:0.0} s)
            Missing from the twins just before the replacement started: {missingBefore} samples (the dead silo's session queue and log tail, and any the survivors were still retrying).
            The replacement's log replay: {replay.Value}.
            Survivors' checkpoints that redelivered their own log to re-activated twins: {survivorsRedelivered}.
            Patient GETs on the survivors by second since the kill (failed: an error answer; timed out: none within {AvailabilityProbe.RequestTimeout.TotalSeconds:0} s):
            """));
        foreach (var line in probe.Timeline(killedAt))
        {
            output.WriteLine(line);
        }

        output.WriteLine("Error answers during the outage: " + (probe.ErrorStatuses.Count == 0 ? "none"
            : string.Join(", ", probe.ErrorStatuses.Select(s => $"{(int)s.Key} × {s.Value}"))));

        Assert.Equal(Devices * MessagesPerDevice, acknowledged);

        // A twin on a silo not yet declared dead is a passing condition: 503 with Retry-After, never a 500.
        Assert.False(probe.ErrorStatuses.ContainsKey(HttpStatusCode.InternalServerError),
            $"Queries during the outage answered 500 {probe.ErrorStatuses.GetValueOrDefault(HttpStatusCode.InternalServerError)} times; they should be 503.");
        var (failed, timedOut) = probe.FailuresSince(available);
        Assert.True(failed + timedOut == 0,
            $"After availability recovered, {failed} patient queries failed and {timedOut} timed out (the last at t+{(probe.LastFailure - killedAt)?.TotalSeconds:0.0}s of {(end - killedAt).TotalSeconds:0.0}s).");
    }

    private bool WriteOutputOf(SiloCluster cluster)
    {
        foreach (var silo in cluster.Running)
        {
            output.WriteLine($"----- silo on {silo.BaseAddress} -----");
            output.WriteLine(silo.Output);
        }

        return false;
    }

    /// <summary>Acknowledged samples the twins do not show, asking one silo (a patient it cannot answer counts whole).</summary>
    private static async Task<int> MissingAsync(HttpClient silo, string[] devices, string[] patients, DeviceFleet fleet)
    {
        var missing = 0;
        for (var i = 0; i < devices.Length; i++)
        {
            var acknowledged = fleet.AcknowledgedBy(devices[i]);
            var held = await HeartRateTimesOrNullAsync(silo, patients[i]);
            missing += held is null ? acknowledged.Count : acknowledged.Count(t => !held.Contains(t.UtcTicks));
        }

        return missing;
    }

    private static async Task<HashSet<long>?> HeartRateTimesOrNullAsync(HttpClient silo, string patient)
    {
        try
        {
            var (status, body) = await silo.GetJsonAsync($"/api/v1/patients/{patient}/vitals?type=heart_rate");
            return status != HttpStatusCode.OK ? null : body.GetProperty("samples").EnumerateArray()
                .Select(s => s.GetProperty("time").GetDateTimeOffset().UtcTicks)
                .ToHashSet();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Dictionary<string, string> Settings(string run, Uri dynamoDb)
    {
        var settings = mosquitto.ClientModeSettings($"g{run}");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Twins:Orleans:ServiceId"] = $"twins-{run}",
            ["Twins:Orleans:ClusterId"] = $"cluster-{run}",
            ["Twins:Orleans:AdvertisedIPAddress"] = "127.0.0.1",
            ["Twins:Cluster:Membership"] = "dynamodb",
            ["Twins:Storage:Provider"] = "dynamodb",

            // Failure detection for a test: probe every second, suspect after two misses, both survivors vote.
            ["Twins:Cluster:Liveness:ProbeTimeout"] = "00:00:01",
            ["Twins:Cluster:Liveness:NumMissedProbesLimit"] = "2",
            ["Twins:Cluster:Liveness:NumVotesForDeathDeclaration"] = "2",
            ["Twins:Cluster:Liveness:TableRefreshTimeout"] = "00:00:02",
            ["Twins:Cluster:Liveness:IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Twins:Cluster:Liveness:ExtendProbeTimeoutDuringDegradation"] = "false",

            // Twins persist every 5 s, so the dead silo's log tail holds a few seconds of acknowledged samples.
            ["Twins:Ingest:CheckpointInterval"] = "00:00:05",
        })
        {
            settings[key] = value;
        }

        foreach (var (section, table) in new[] { ("Twins:Cluster:DynamoDb", $"twins-membership-{run}"), ("Twins:Storage:DynamoDb", $"twins-state-{run}") })
        {
            settings[$"{section}:ServiceUrl"] = dynamoDb.ToString();
            settings[$"{section}:TableName"] = table;
            settings[$"{section}:CreateIfNotExists"] = "true";
            settings[$"{section}:AccessKey"] = "test";
            settings[$"{section}:SecretKey"] = "test";
        }

        // Reminders follow grain storage onto DynamoDB; their own table per run too.
        settings["Twins:Reminders:DynamoDb:TableName"] = $"twins-reminders-{run}";

        return settings;
    }

    [GeneratedRegex(@"Replayed (?<records>\d+) log records \((?<samples>\d+) samples, (?<added>\d+) of them new to the twins\)")]
    private static partial Regex ReplayReport();
}
