using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class ImportSourcesTests
{
    [Theory]
    [InlineData("Apple Watch de Jean", "apple", SourceKind.Watch)]
    [InlineData("iPhone de\u00a0Jean", "apple", SourceKind.Phone)]
    [InlineData("Oura", "apple", SourceKind.Ring)]
    [InlineData("OMRON connect", "apple", SourceKind.BloodPressureMonitor)]
    [InlineData("Withings Body+ scale", "apple", SourceKind.Scale)]
    [InlineData("MyFitnessPal", "apple", SourceKind.App)]
    [InlineData(null, "apple", SourceKind.Unknown)]
    [InlineData(null, "garmin", SourceKind.Watch)]
    [InlineData(null, "fitbit", SourceKind.Band)]
    public void ASourceNameOrTheFormatTellsTheKindOfDevice(string? name, string format, SourceKind expected)
        => Assert.Equal(expected, ImportSources.Guess(name, format));
}
