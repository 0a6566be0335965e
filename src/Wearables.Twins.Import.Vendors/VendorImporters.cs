using Wearables.Twins.Import.Vendors.Fitbit;
using Wearables.Twins.Import.Vendors.GenericCsv;
using Wearables.Twins.Import.Vendors.Huawei;
using Wearables.Twins.Import.Vendors.OpenMHealth;
using Wearables.Twins.Import.Vendors.Xiaomi;

namespace Wearables.Twins.Import.Vendors;

/// <summary>The importers of this assembly, for registration next to the other formats.</summary>
public static class VendorImporters
{
    /// <summary>
    /// One instance of each importer. The generic CSV importer comes last: auto-detection asks importers in order,
    /// and it only claims files whose header has <c>time</c>, <c>value</c> and <c>type</c> columns anyway.
    /// </summary>
    public static IReadOnlyList<IHealthDataImporter> Create()
        => [new HuaweiImporter(), new XiaomiImporter(), new FitbitImporter(), new OpenMHealthImporter(), new GenericCsvImporter()];
}
