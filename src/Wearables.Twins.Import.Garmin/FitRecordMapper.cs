using System.Globalization;
using Wearables.Twins.Import.Garmin.Fit;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Garmin;

/// <summary>
/// Turns decoded FIT messages into import records: record and monitoring heart rate, monitoring steps and
/// active calories, hrv beat intervals, session distance and energy. Messages and fields that are not vitals
/// (positions, speed, cadence, device info, laps, events) yield nothing and are not counted as rejections.
/// State is kept per FIT file and bounded: one counter per monitoring activity type and at most one open
/// series of beat intervals.
/// </summary>
internal sealed class FitRecordMapper(ImportContext context, FitLookahead lookahead)
{
    private const string Active = "active";
    private const string Unknown = "unknown";
    private const int ActiveCaloriesCounter = -1;

    private readonly List<ImportRecord> _output = [];
    private readonly Dictionary<int, (ulong Value, uint Time)> _counters = [];
    private readonly List<double> _beats = new(VitalCatalog.RrIntervals.MaxSeriesLength);
    private ulong? _fileType;
    private uint? _timerStart;
    private DateTimeOffset? _beatAnchor;
    private double _beatClockMs;
    private double _seriesStartMs;

    /// <summary>The device named by the current file's file_id, e.g. "garmin fenix5".</summary>
    public string? Source { get; private set; }

    public IReadOnlyList<ImportRecord> Map(FitMessage message)
    {
        _output.Clear();
        switch (message.GlobalNumber)
        {
            case FitMessages.FileId:
                MapFileId(message);
                break;
            case FitMessages.Record:
                MapRecord(message);
                break;
            case FitMessages.Event:
                MapEvent(message);
                break;
            case FitMessages.Monitoring:
                MapMonitoring(message);
                break;
            case FitMessages.Hrv:
                MapHrv(message);
                break;
            case FitMessages.Session:
                MapSession(message);
                break;
        }

        return _output;
    }

    public ImportRecord Rejected(FitProblem problem) => ImportRecord.Rejected(problem.Reason, problem.Detail, Source);

    /// <summary>Closes the current FIT file: emits the open beat series and forgets the file's state.</summary>
    public IReadOnlyList<ImportRecord> EndOfFile()
    {
        _output.Clear();
        FlushBeats();
        _counters.Clear();
        _fileType = null;
        _timerStart = null;
        _beatAnchor = null;
        _beatClockMs = 0;
        return _output;
    }

    private void MapFileId(FitMessage message)
    {
        _fileType = message.TryGetUInt(FitMessages.FileIdType, out var type) ? type : null;
        Source = GarminDeviceNames.Describe(
            message.TryGetUInt(FitMessages.FileIdManufacturer, out var manufacturer) ? manufacturer : null,
            message.TryGetUInt(FitMessages.FileIdProduct, out var product) ? product : null,
            message.GetString(FitMessages.FileIdProductName));
    }

    private void MapRecord(FitMessage message)
    {
        if (message.TryGetUInt(FitMessages.RecordHeartRate, out var heartRate)
            && TryGetTime(message, "record", out var time))
        {
            AddHeartRate(time, heartRate, fromRecord: true);
        }
    }

    private void MapEvent(FitMessage message)
    {
        // The first timer start of the file is where the beat intervals of an activity begin.
        if (_timerStart is null && _beatAnchor is null
            && message.Timestamp is { } time && FitTime.IsAbsolute(time)
            && message.TryGetUInt(FitMessages.EventEvent, out var kind) && kind == FitMessages.EventTimer
            && message.TryGetUInt(FitMessages.EventEventType, out var type) && type == FitMessages.EventTypeStart)
        {
            _timerStart = time;
        }
    }

    private void MapMonitoring(FitMessage message)
    {
        var hasHeartRate = message.TryGetUInt(FitMessages.MonitoringHeartRate, out var heartRate);
        var hasSteps = message.TryGetUInt(FitMessages.MonitoringCycles, out var cycles)
            && message.TryGetUInt(FitMessages.MonitoringActivityType, out var activityType)
            && activityType is FitMessages.ActivityTypeWalking or FitMessages.ActivityTypeRunning;
        var hasCalories = message.TryGetUInt(FitMessages.MonitoringActiveCalories, out var activeCalories);
        if (!(hasHeartRate || hasSteps || hasCalories) || !TryGetTime(message, "monitoring", out var time))
        {
            return;
        }

        if (hasHeartRate)
        {
            AddHeartRate(time, heartRate, fromRecord: false);
        }

        if (hasSteps)
        {
            // The steps sub-field of cycles has scale 1: the raw number is steps, counted since the daily reset.
            message.TryGetUInt(FitMessages.MonitoringActivityType, out var type);
            AddCounter((int)type, cycles, time, VitalCatalog.Steps);
        }

        if (hasCalories)
        {
            AddCounter(ActiveCaloriesCounter, activeCalories, time, VitalCatalog.ActiveEnergy);
        }
    }

    /// <summary>
    /// Monitoring counters accumulate since the device's daily reset. Each reading yields the increase since the
    /// previous reading of the same counter in this file, over that interval; a decrease is a reset, so the new
    /// reading itself is the increase. The first reading only sets the baseline (the file does not say since when
    /// it counted), and an interval without increase yields nothing.
    /// </summary>
    private void AddCounter(int key, ulong value, uint time, VitalDefinition vital)
    {
        if (_counters.TryGetValue(key, out var previous))
        {
            var increase = value >= previous.Value ? value - previous.Value : value;
            if (increase > 0)
            {
                _output.Add(ImportRecord.Of(new EnvelopeSample
                {
                    Type = vital.Code,
                    Time = Wire(time > previous.Time ? previous.Time : time),
                    End = time > previous.Time ? Wire(time) : null,
                    Value = increase,
                    Unit = vital.CanonicalUnit,
                }, Source));
            }
        }

        _counters[key] = (value, time);
    }

    /// <summary>
    /// hrv messages carry beat intervals (s/1000, so milliseconds) without a time of their own. The beats are
    /// placed on a clock that starts at the activity's first timer start (else at the latest timestamp when the
    /// first hrv message comes) and advances by each interval; they are sent as series of at most 256, each
    /// timed at the start of its first interval.
    /// </summary>
    private void MapHrv(FitMessage message)
    {
        var count = message.Count(FitMessages.HrvTime);
        if (_beatAnchor is null)
        {
            var anchor = _timerStart ?? (message.LastTimestamp is { } last && FitTime.IsAbsolute(last) ? last : null);
            if (anchor is null)
            {
                if (count > 0)
                {
                    _output.Add(ImportRecord.Rejected(ImportReasons.UnreadableRecord,
                        $"hrv message at byte {message.Offset}: beat intervals before any timestamp in the file cannot be placed in time.",
                        Source));
                }

                return;
            }

            _beatAnchor = FitTime.ToUtc(anchor.Value);
            _beatClockMs = 0;
        }

        var rr = VitalCatalog.RrIntervals;
        for (var i = 0; i < count; i++)
        {
            if (!message.TryGetUInt(FitMessages.HrvTime, out var milliseconds, i))
            {
                continue;
            }

            if (!rr.IsPlausible(milliseconds))
            {
                FlushBeats();
                _output.Add(ImportRecord.Rejected(GarminFitReasons.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                    $"hrv message at byte {message.Offset}: a beat interval of {milliseconds} ms is outside {rr.Min}–{rr.Max} ms; it is left out of the series."),
                    Source));
                _beatClockMs += milliseconds;
                continue;
            }

            if (_beats.Count == 0)
            {
                _seriesStartMs = _beatClockMs;
            }

            _beats.Add(milliseconds);
            _beatClockMs += milliseconds;
            if (_beats.Count == rr.MaxSeriesLength)
            {
                FlushBeats();
            }
        }
    }

    private void FlushBeats()
    {
        if (_beats.Count == 0 || _beatAnchor is not { } anchor)
        {
            return;
        }

        // An artefact interval of ages (a uint64 field holding 10^15 ms) moves the beat clock past the calendar, and
        // the beats after it with it: they cannot be placed in time. A day's margin covers the offset they are shown in.
        if (_seriesStartMs >= (DateTimeOffset.MaxValue - anchor).TotalMilliseconds - TimeSpan.FromDays(1).TotalMilliseconds)
        {
            _output.Add(ImportRecord.Rejected(ImportReasons.UnreadableRecord, string.Create(CultureInfo.InvariantCulture,
                $"hrv messages: {_beats.Count} beat intervals fall {_seriesStartMs:0} ms after the beat clock's start, past the year 9999, because of an earlier interval; they cannot be placed in time."),
                Source));
            _beats.Clear();
            return;
        }

        _output.Add(ImportRecord.Of(new EnvelopeSample
        {
            Type = VitalCatalog.RrIntervals.Code,
            Time = Wire(anchor.AddMilliseconds(_seriesStartMs)),
            Values = [.. _beats],
            Unit = VitalCatalog.RrIntervals.CanonicalUnit,
        }, Source));
        _beats.Clear();
    }

    /// <summary>Session totals over start_time..timestamp. A zero total says nothing was measured and yields nothing.</summary>
    private void MapSession(FitMessage message)
    {
        var hasDistance = message.TryGetUInt(FitMessages.SessionTotalDistance, out var centimetres) && centimetres > 0;
        var hasCalories = message.TryGetUInt(FitMessages.SessionTotalCalories, out var kilocalories) && kilocalories > 0;
        if (!hasDistance && !hasCalories)
        {
            return;
        }

        var (start, end) = FitTime.SessionInterval(message);
        if ((start ?? end) is not { } from)
        {
            _output.Add(ImportRecord.Rejected(ImportReasons.UnreadableRecord,
                $"session message at byte {message.Offset}: its totals have no usable start_time or timestamp.", Source));
            return;
        }

        var to = end is { } last && last > from ? Wire(last) : null;
        if (hasDistance)
        {
            AddQuantity(VitalCatalog.Distance, from, to, centimetres / 100.0);
        }

        if (hasCalories)
        {
            AddQuantity(VitalCatalog.ActiveEnergy, from, to, kilocalories);
        }
    }

    private void AddQuantity(VitalDefinition vital, uint time, string? end, double value)
        => _output.Add(ImportRecord.Of(new EnvelopeSample
        {
            Type = vital.Code,
            Time = Wire(time),
            End = end,
            Value = value,
            Unit = vital.CanonicalUnit,
        }, Source));

    private void AddHeartRate(uint time, ulong beatsPerMinute, bool fromRecord)
        => _output.Add(ImportRecord.Of(new EnvelopeSample
        {
            Type = VitalCatalog.HeartRate.Code,
            Time = Wire(time),
            Value = beatsPerMinute,
            Unit = VitalCatalog.HeartRate.CanonicalUnit,
            Context = HeartRateContext(time, fromRecord),
        }, Source));

    /// <summary>
    /// "active" inside one of the file's sessions; when no session is known (none in the file, or the stream could
    /// not be read ahead), "active" for record messages of an activity file, which are written while an activity
    /// records. Everything else is "unknown" (all-day monitoring cannot tell rest from effort).
    /// </summary>
    private string HeartRateContext(uint time, bool fromRecord)
        => lookahead.SessionCount > 0
            ? lookahead.InSession(time) ? Active : Unknown
            : fromRecord && _fileType == FitMessages.FileTypeActivity ? Active : Unknown;

    private bool TryGetTime(FitMessage message, string name, out uint time)
    {
        if (message.Timestamp is { } timestamp && FitTime.IsAbsolute(timestamp))
        {
            time = timestamp;
            return true;
        }

        time = 0;
        _output.Add(ImportRecord.Rejected(ImportReasons.UnreadableRecord, message.Timestamp is { } relative
            ? string.Create(CultureInfo.InvariantCulture,
                $"{name} message at byte {message.Offset}: its time is {relative} s after the device powered on, not a date; it cannot be placed in time.")
            : $"{name} message at byte {message.Offset}: it has no timestamp, so its values cannot be placed in time.",
            Source));
        return false;
    }

    /// <summary>
    /// FIT times are UTC. They get the wearer's offset recorded by the device when the file has one (the
    /// activity's local_timestamp), else the offset of <see cref="ImportContext.LocalTimeZone"/> at that instant
    /// (exact even around daylight-saving changes, since the instant is known).
    /// </summary>
    private string Wire(uint seconds) => Wire(FitTime.ToUtc(seconds));

    private string Wire(DateTimeOffset utc)
        => WireTime.Format(lookahead.WearerOffset is { } offset
            ? utc.ToOffset(offset)
            : TimeZoneInfo.ConvertTime(utc, context.LocalTimeZone));
}
