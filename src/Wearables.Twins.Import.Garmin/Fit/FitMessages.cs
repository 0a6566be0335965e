namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>Global message and field numbers of the FIT profile that the importer reads.</summary>
internal static class FitMessages
{
    public const ushort FileId = 0;
    public const byte FileIdType = 0;
    public const byte FileIdManufacturer = 1;
    public const byte FileIdProduct = 2;
    public const byte FileIdProductName = 8;

    /// <summary>file_id.type of an activity file.</summary>
    public const ulong FileTypeActivity = 4;

    public const ushort Session = 18;
    public const byte SessionStartTime = 2;
    public const byte SessionTotalElapsedTime = 7; // s × 1000
    public const byte SessionTotalDistance = 9; // m × 100
    public const byte SessionTotalCalories = 11; // kcal

    public const ushort Record = 20;
    public const byte RecordHeartRate = 3; // bpm

    public const ushort Event = 21;
    public const byte EventEvent = 0;
    public const byte EventEventType = 1;
    public const ulong EventTimer = 0;
    public const ulong EventTypeStart = 0;

    public const ushort Activity = 34;
    public const byte ActivityLocalTimestamp = 5;

    public const ushort Monitoring = 55;
    public const byte MonitoringCycles = 3; // steps (scale 1) when activity_type is walking or running
    public const byte MonitoringActivityType = 5;
    public const byte MonitoringActiveCalories = 19; // kcal
    public const byte MonitoringTimestamp16 = 26;
    public const byte MonitoringHeartRate = 27; // bpm
    public const ulong ActivityTypeRunning = 1;
    public const ulong ActivityTypeWalking = 6;

    public const ushort Hrv = 78;
    public const byte HrvTime = 0; // s × 1000, an array

    public const ushort MonitoringInfo = 103;
    public const byte MonitoringInfoLocalTimestamp = 0;
}
