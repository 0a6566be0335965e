using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MQTTnet.Formatter;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// The promise behind every acknowledgement: a sample that got a PUBACK or a 202 is visible again after
/// the process is killed with SIGKILL mid-stream and restarted on the same data directory.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const int KillAfterAcks = 400;
    private const int MaxMessagesPerDevice = 200;

    [Fact]
    public async Task EveryAcknowledgedSampleSurvivesKillNine()
    {
        using var data = new TempDirectory();
        // A short checkpoint interval puts some samples in persisted twin state and the rest only in the log.
        var settings = new Dictionary<string, string> { ["Twins:Ingest:CheckpointInterval"] = "00:00:01" };
        var first = await TwinsHostProcess.StartAsync(data.Path, settings);
        var devices = new[]
        {
            ("mqtt5-a", Door.Mqtt5), ("mqtt5-b", Door.Mqtt5), ("mqtt311-a", Door.Mqtt311), ("mqtt5-c", Door.Mqtt5),
            ("http-a", Door.Http), ("http-b", Door.Http), ("http-c", Door.Http), ("http-d", Door.Http),
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var (device, _) in devices)
        {
            await first.Http.BindAsync($"{run}-{device}", $"{run}-patient-{device}");
        }

        var acked = devices.ToDictionary(d => d.Item1, _ => new ConcurrentQueue<DateTimeOffset>());
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = 0;
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        var baseTime = new DateTimeOffset(hourAgo.Ticks - (hourAgo.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        void Acked(string device, DateTimeOffset time)
        {
            acked[device].Enqueue(time);
            if (Interlocked.Increment(ref total) == KillAfterAcks)
            {
                enough.TrySetResult();
            }
        }

        var publishers = devices.Select(d => Task.Run(() => d.Item2 == Door.Http
            ? PostUntilFailureAsync(first, $"{run}-{d.Item1}", baseTime, t => Acked(d.Item1, t))
            : PublishUntilFailureAsync(first, $"{run}-{d.Item1}", d.Item2, baseTime, t => Acked(d.Item1, t)))).ToArray();

        await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await first.KillAsync();
        await Task.WhenAll(publishers);
        await first.DisposeAsync();

        await using var second = await TwinsHostProcess.StartAsync(data.Path, new Dictionary<string, string> { ["Twins:History:Writer:MaxAge"] = "00:00:01" });
        foreach (var (device, _) in devices)
        {
            var patient = $"{run}-patient-{device}";
            var held = await second.Http.HeartRateTimesAsync(patient);
            var lost = acked[device].Where(t => !held.Contains(t.UtcTicks)).ToList();
            Assert.True(lost.Count == 0,
                $"{device}: {lost.Count} of {acked[device].Count} acknowledged samples were lost after kill -9.\n{second.Output}");

            // The history lake too: whatever was flushed before the kill, and the log's replay of the rest.
            var expected = acked[device].Select(t => t.ToUnixTimeMilliseconds()).ToHashSet();
            await Eventually.MatchesAsync(
                () => LakeTimesAsync(second, patient),
                inLake => inLake.IsSupersetOf(expected),
                TimeSpan.FromSeconds(60),
                $"{device}'s {expected.Count} acknowledged samples in the lake");
        }

        Assert.True(total >= KillAfterAcks);
    }

    private static async Task<HashSet<long>> LakeTimesAsync(TwinsHostProcess host, string patient)
    {
        using var response = await host.Http.PostAsJsonAsync("/api/v1/analytics/sql",
            new { sql = $"SELECT epoch_ms(time) FROM vitals WHERE patient_id = '{patient}' AND vital = 'heart_rate'" });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()).ToHashSet();
    }

    private static async Task PublishUntilFailureAsync(
        TwinsHostProcess host, string deviceId, Door door, DateTimeOffset baseTime, Action<DateTimeOffset> acked)
    {
        var version = door == Door.Mqtt311 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, deviceId, version);
        for (var i = 0; i < MaxMessagesPerDevice; i++)
        {
            var time = baseTime.AddSeconds(i);
            try
            {
                var result = await device.PublishAsync(Envelopes.Json(deviceId, $"m-{i}", Envelopes.HeartRate(time, 60 + (i % 40))));
                if (!result.IsSuccess)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException
                or MQTTnet.Exceptions.MqttClientNotConnectedException)
            {
                return;
            }

            acked(time);
        }
    }

    private static async Task PostUntilFailureAsync(
        TwinsHostProcess host, string deviceId, DateTimeOffset baseTime, Action<DateTimeOffset> acked)
    {
        for (var i = 0; i < MaxMessagesPerDevice; i++)
        {
            var time = baseTime.AddSeconds(i);
            try
            {
                var (status, _, _) = await host.Http.PostTelemetryAsync(
                    Envelopes.Json(deviceId, $"m-{i}", Envelopes.HeartRate(time, 60 + (i % 40))));
                if (status != HttpStatusCode.Accepted)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                return;
            }

            acked(time);
        }
    }

    private enum Door
    {
        Mqtt5,
        Mqtt311,
        Http,
    }
}
