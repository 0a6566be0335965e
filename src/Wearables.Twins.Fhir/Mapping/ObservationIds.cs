using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>What an Observation id stands for: one sample of one vital of one patient.</summary>
/// <param name="PatientId">The patient twin.</param>
/// <param name="Type">The vital.</param>
/// <param name="StartUtcTicks">The sample's instant (UTC ticks; the offset is not part of the identity).</param>
/// <param name="DurationTicks">Length of the interval for interval samples; null for instants.</param>
public readonly record struct ObservationKey(string PatientId, VitalType Type, long StartUtcTicks, long? DurationTicks)
{
    public DateTimeOffset Start => new(StartUtcTicks, TimeSpan.Zero);

    public bool Matches(in VitalSample sample)
        => sample.Type == Type
            && sample.Time.UtcTicks == StartUtcTicks
            && (sample.End is { } end ? end.UtcTicks - sample.Time.UtcTicks : (long?)null) == DurationTicks;
}

/// <summary>
/// Stable, reproducible Observation ids derived from (patient, vital, instant[, interval length]) — the same
/// identity the twins use to recognise a resent sample — so a search and a read give the same id every time.
/// <para>
/// Form: <c>{vital id}.{start, UTC ticks in base 36}.{duration ticks in base 36, 0 for instants}.{patient id}</c>,
/// e.g. <c>1.4uuxsl36x340.0.patient-42</c> (heart rate at 2026-11-27T10:00:00Z): readable back, so <c>GET /fhir/Observation/{id}</c> works without an index.
/// When that would exceed FHIR's 64 characters (patient ids longer than about 35 characters) the id is
/// <c>h.</c> + 40 hex digits of a SHA-256 of the same fields: still stable, found by search but not by read.
/// </para>
/// </summary>
public static class ObservationIds
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string For(string patientId, in VitalSample sample)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var start = sample.Time.UtcTicks;
        var duration = sample.End is { } end ? end.UtcTicks - start : 0;
        var id = string.Join('.',
            sample.Type.Id.ToString(CultureInfo.InvariantCulture), ToBase36(start), ToBase36(duration), patientId);
        if (id.Length <= FhirIds.MaxLength)
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{patientId}|{sample.Type.Id}|{start}|{duration}"));
        return "h." + Convert.ToHexStringLower(hash)[..40];
    }

    /// <summary>Reads a readable id back; false for hashed ids and anything that is not an id of this server.</summary>
    public static bool TryParse(string? id, out ObservationKey key)
    {
        key = default;
        if (!FhirIds.IsValid(id))
        {
            return false;
        }

        var parts = id!.Split('.', 4);
        if (parts.Length != 4
            || !byte.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var vitalId)
            || !VitalCatalog.All.Any(v => v.Type.Id == vitalId)
            || !TryFromBase36(parts[1], out var start)
            || start > DateTimeOffset.MaxValue.UtcTicks
            || !TryFromBase36(parts[2], out var duration)
            || duration > DateTimeOffset.MaxValue.UtcTicks - start
            || !FhirIds.IsTwinId(parts[3])
            || parts[0] != vitalId.ToString(CultureInfo.InvariantCulture)
            || parts[1] != ToBase36(start)
            || parts[2] != ToBase36(duration))
        {
            return false;
        }

        key = new ObservationKey(parts[3], new VitalType(vitalId), start, duration == 0 ? null : duration);
        return true;
    }

    private static string ToBase36(long value)
    {
        if (value == 0)
        {
            return "0";
        }

        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        var remaining = (ulong)value;
        while (remaining > 0)
        {
            buffer[--position] = Digits[(int)(remaining % 36)];
            remaining /= 36;
        }

        return new string(buffer[position..]);
    }

    private static bool TryFromBase36(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 12)
        {
            return false;
        }

        ulong result = 0;
        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            result = (result * 36) + (ulong)digit;
        }

        if (result > long.MaxValue)
        {
            return false;
        }

        value = (long)result;
        return true;
    }
}
