using Spectre.Console;

namespace Wearables.Twins.Cli.Output;

/// <summary>
/// A device's certificates, one row each: serial, status, end of validity, when and by whom issued and revoked. Who
/// goes under when, so the table fits 160 columns and the serial is never wrapped (it is pasted into --serial).
/// </summary>
internal static class DeviceCertificateTable
{
    public static Table Describe(IEnumerable<DeviceCertificateView> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var table = Tables.Create("Serial", "Status", "Valid until", "Issued", "Revoked");
        table.Columns[0].NoWrap();
        foreach (var c in certificates)
        {
            var revoked = c.RevokedAt is { } at
                ? $"{Formats.Time(at)}\nby {c.RevokedBy ?? "?"}{(string.IsNullOrEmpty(c.RevocationReason) ? "" : $": {c.RevocationReason}")}"
                : null;
            table.AddTextRow(c.Serial, c.Status, Formats.Time(c.NotAfter), $"{Formats.Time(c.IssuedAt)}\nby {c.IssuedBy}", revoked);
        }

        return table;
    }
}
