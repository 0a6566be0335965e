namespace Wearables.Twins.Import.Vendors.Fitbit;

/// <summary>
/// What one Fitbit import remembers across rows and archive entries: whose data it imports, and — inside an
/// archive — which local hours and days finer data already covers, so that coarser totals of the same period are
/// not counted a second time. The sets grow with the hours and days of data of one participant (about 9 000 hours
/// a year), never with the number of rows.
/// </summary>
internal sealed class FitbitImportState(bool trackCoverage)
{
    private readonly HashSet<DateTime> _minuteHours = [];
    private readonly HashSet<DateOnly> _finerDays = [];

    /// <summary>The participant whose rows are imported: the first one the upload names.</summary>
    public string? Participant { get; private set; }

    public bool TracksCoverage => trackCoverage;

    /// <summary>Whether a row of <paramref name="participant"/> is imported; the first participant seen is chosen.</summary>
    public bool Accepts(string participant)
    {
        Participant ??= participant;
        return string.Equals(Participant, participant, StringComparison.Ordinal);
    }

    /// <summary>Minute data exists for this local minute: its hour and day are covered.</summary>
    public void CoverMinute(DateTime local)
    {
        if (trackCoverage)
        {
            _minuteHours.Add(HourOf(local));
            _finerDays.Add(DateOnly.FromDateTime(local));
        }
    }

    /// <summary>Hourly (or minute) data exists for this local hour: its day is covered.</summary>
    public void CoverHour(DateTime local)
    {
        if (trackCoverage)
        {
            _finerDays.Add(DateOnly.FromDateTime(local));
        }
    }

    public bool HasMinutesIn(DateTime localHour) => _minuteHours.Contains(HourOf(localHour));

    public bool HasFinerDataOn(DateOnly day) => _finerDays.Contains(day);

    private static DateTime HourOf(DateTime local) => new(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
}
