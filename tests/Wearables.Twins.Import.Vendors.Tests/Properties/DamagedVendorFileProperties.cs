using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Testing.Properties;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>
/// Every vendor's fixtures cut, bit-flipped, overwritten or replaced by noise, read in a random zone through a
/// seekable or forward-only stream: the import reads what it can, reports the rest record by record, and stops only
/// with an <see cref="InvalidDataException"/> that says why the file as a whole cannot be read.
/// </summary>
public sealed class DamagedVendorFileProperties
{
    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc, Support.Zone("Europe/Paris"), Support.Zone("America/Chicago"), Support.Zone("Asia/Kolkata"),
        TimeZoneInfo.CreateCustomTimeZone("+14", TimeSpan.FromHours(14), "+14", "+14"), TimeZoneInfo.CreateCustomTimeZone("-12", TimeSpan.FromHours(-12), "-12", "-12"),
    ];

    [Property(MaxTest = 250)]
    public Property A_damaged_vendor_file_is_imported_as_far_as_it_can_be_and_the_rest_is_reported()
        => Prop.ForAll(
            Arb.From(from file in Gen.Elements(VendorFiles.All)
                     from damaged in Damage.Of(file.Name, file.Bytes)
                     from zone in Gen.Elements(Zones)
                     from seekable in Gen.Elements(true, false)
                     select (file, damaged, zone, seekable)),
            async input =>
            {
                var context = new ImportContext { FileName = input.file.Name, LocalTimeZone = input.zone, CsvMapping = input.file.Mapping };

                var outcome = await VendorImportOutcome.RunAsync(input.file.Importer, input.damaged.Bytes, context, input.seekable);

                outcome.AssertClear();
            });

    [Property(MaxTest = 100)]
    public Property Random_bytes_never_end_an_import_with_an_unexpected_exception()
        => Prop.ForAll(
            Arb.From(from file in Gen.Elements(VendorFiles.All)
                     from bytes in Gen.Choose(0, 2048).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
                     from keepHead in Gen.Choose(0, 16)
                     select (file, bytes: (byte[])[.. file.Bytes.Take(keepHead), .. bytes])),
            async input =>
            {
                var context = new ImportContext { FileName = input.file.Name, CsvMapping = input.file.Mapping };

                var outcome = await VendorImportOutcome.RunAsync(input.file.Importer, input.bytes, context);

                outcome.AssertClear();
            });
}
