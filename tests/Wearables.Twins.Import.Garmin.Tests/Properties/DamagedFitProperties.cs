using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Testing.Properties;

namespace Wearables.Twins.Import.Garmin.Tests.Properties;

/// <summary>
/// The Fenix 5 run and walk files cut, bit-flipped, overwritten, or chained to another file: the import reads what
/// it can and reports the damage; it throws only when the file does not even start with a FIT header.
/// </summary>
public sealed class DamagedFitProperties
{
    private static readonly (string Name, byte[] Bytes)[] Originals =
    [
        ("garmin-fenix-5-run.fit", ImportHarness.Fixture("garmin-fenix-5-run.fit")),
        ("garmin-fenix-5-walk.fit", ImportHarness.Fixture("garmin-fenix-5-walk.fit")),
        ("run+walk chained", [.. ImportHarness.Fixture("garmin-fenix-5-run.fit"), .. ImportHarness.Fixture("garmin-fenix-5-walk.fit")]),
    ];

    [Property(MaxTest = 200)]
    public Property A_damaged_fit_file_is_imported_as_far_as_it_can_be_and_the_rest_is_reported()
        => Prop.ForAll(
            Arb.From(from original in Gen.Elements(Originals)
                     from damaged in Damage.Of(original.Name, original.Bytes)
                     from seekable in Gen.Elements(true, false)
                     select (damaged, seekable)),
            async input =>
            {
                var outcome = await FitImportOutcome.RunAsync(input.damaged.Bytes, input.seekable);

                outcome.AssertClear(input.damaged.Bytes);
            });

    [Property(MaxTest = 100)]
    public async Task Random_bytes_after_a_fit_header_never_end_the_import_with_an_unexpected_exception(byte[] data, bool seekable)
    {
        var header = new FitFileBuilder().Build()[..14];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)data.Length);
        header[12] = header[13] = 0; // a header CRC of 0 is not checked
        byte[] file = [.. header, .. data];

        var outcome = await FitImportOutcome.RunAsync(file, seekable);

        outcome.AssertClear(file);
    }
}
