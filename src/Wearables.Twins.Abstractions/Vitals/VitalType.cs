namespace Wearables.Twins.Vitals;

/// <summary>
/// Identifies a vital by the small number assigned in <see cref="VitalCatalog"/>.
/// A struct over a byte keeps samples compact; the catalogue is the only place vitals are defined.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.VitalType")]
public readonly record struct VitalType([property: Id(0)] byte Id)
{
    public VitalDefinition Definition => VitalCatalog.Get(this);

    public string Code => Definition.Code;

    public override string ToString() => Code;
}
