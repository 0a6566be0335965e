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
    string? Category,
    string? Context,
    string? Unit)
{
    /// <summary>The kind of device that measured it (<c>watch</c>, <c>phone</c>, …); null when not known.</summary>
    public string? Source { get; init; }

    public static VitalSampleView From(in VitalSample sample)
    {
        var vital = sample.Type.Definition;
        var context = vital.Qualifiers.Count > 0 ? vital.Qualifiers[sample.Qualifier] : null;
        double? value = double.IsNaN(sample.Value) ? null : sample.Value;
        var view = vital.Shape switch
        {
            VitalShape.BloodPressure => new(vital.Code, sample.Time, sample.End, null, sample.Value, sample.Value2, null, null, null, context, vital.CanonicalUnit),
            VitalShape.Series => new(vital.Code, sample.Time, sample.End, value, null, null, sample.Series, null, null, context, vital.CanonicalUnit),
            VitalShape.CategoryInterval => new(vital.Code, sample.Time, sample.End, null, null, null, null,
                vital.Categories[(int)sample.Value], null, context, vital.CanonicalUnit),
            VitalShape.Category => new(vital.Code, sample.Time, sample.End, null, null, null, null,
                null, vital.Categories[(int)sample.Value], context, vital.CanonicalUnit),
            VitalShape.Recording => new(vital.Code, sample.Time, sample.End, value, null, null,
                sample.Series.IsDefaultOrEmpty ? null : sample.Series, null, vital.Categories[(int)sample.Value2], context, vital.CanonicalUnit),
            _ => new VitalSampleView(vital.Code, sample.Time, sample.End, value, null, null, null, null, null, context, vital.CanonicalUnit),
        };
        return sample.Source == SourceKind.Unknown ? view : view with { Source = sample.Source.Name() };
    }
}
