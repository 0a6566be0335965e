using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Testing.Properties;

namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>
/// Real exports (the jdecool fixture, this project's own export, an export.zip with an ECG) cut, bit-flipped,
/// overwritten or replaced by noise: the import never ends in an unexpected exception; it reads what it can and
/// says why it did not read the rest.
/// </summary>
public sealed class DamagedExportProperties
{
    private static readonly (string Name, byte[] Bytes)[] Originals =
    [
        ("exporter.xml", File.ReadAllBytes(Fixtures.PathOf("exporter.xml"))),
        ("own_export.xml", File.ReadAllBytes(Fixtures.PathOf("own_export.xml"))),
        ("hrv_sdnn_record_with_27_beats.xml", File.ReadAllBytes(Fixtures.PathOf("hrv_sdnn_record_with_27_beats.xml"))),
        ("export.zip", Fixtures.Zip(
            ("apple_health_export/export.xml", File.ReadAllBytes(Fixtures.PathOf("own_export.xml"))),
            ("apple_health_export/electrocardiograms/ecg_2020-04-26.csv", File.ReadAllBytes(Fixtures.PathOf("ecg_2020-04-26.csv")))).ToArray()),
    ];

    [Property(MaxTest = 200)]
    public Property A_damaged_export_is_imported_as_far_as_it_can_be_and_the_rest_is_reported()
        => Prop.ForAll(
            Arb.From(from original in Gen.Elements(Originals)
                     from damaged in Damage.Of(original.Name, original.Bytes)
                     from seekable in Gen.Elements(true, false)
                     select (damaged, seekable)),
            async input =>
            {
                var (damaged, seekable) = input;
                var outcome = await ImportOutcome.RunAsync(damaged.Bytes, seekable);

                outcome.AssertClear(isArchive: damaged.Bytes.AsSpan().StartsWith("PK\u0003\u0004"u8));
            });

    [Property(MaxTest = 100)]
    public async Task Random_bytes_never_end_the_import_with_an_unexpected_exception(byte[] bytes, bool asArchive)
    {
        byte[] file = asArchive ? [.. "PK\u0003\u0004"u8, .. bytes] : bytes;

        var outcome = await ImportOutcome.RunAsync(file, seekable: true);

        outcome.AssertClear(isArchive: file.AsSpan().StartsWith("PK\u0003\u0004"u8));
    }
}
