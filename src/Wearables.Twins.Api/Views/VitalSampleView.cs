using Wearables.Twins.Vitals;

namespace Wearables.Twins.Api.Views;

/// <summary>A sample as the API shows it: the same fields as the telemetry envelope, in canonical units.</summary>
public sealed record VitalSampleView(
    string Type,
    DateTimeOffset Time,
    DateTimeOffset? End,
    double? Value,
    double? Systolic,
    double? Diastolic,
    IReadOnlyList<double>? Values,
    string? Stage,
    string? Unit)
{
    public static VitalSampleView From(in VitalSample sample)
    {
        var vital = sample.Type.Definition;
        return vital.Shape switch
        {
            VitalShape.BloodPressure => new(vital.Code, sample.Time, sample.End, null, sample.Value, sample.Value2, null, null, vital.CanonicalUnit),
            VitalShape.Series => new(vital.Code, sample.Time, sample.End, sample.Value, null, null, sample.Series, null, vital.CanonicalUnit),
            VitalShape.CategoryInterval => new(vital.Code, sample.Time, sample.End, null, null, null, null,
                vital.Categories[(int)sample.Value], vital.CanonicalUnit),
            _ => new(vital.Code, sample.Time, sample.End, sample.Value, null, null, null, null, vital.CanonicalUnit),
        };
    }
}
