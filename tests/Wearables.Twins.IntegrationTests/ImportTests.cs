using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

/// <summary>Vendor files go in through the imports endpoint and come out of the patient twin.</summary>
[Collection(HostCollection.Name)]
public sealed class ImportTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GarminFitFileIsImportedIntoThePatientTwinAndReimportingChangesNothing()
    {
        var patientId = $"{_run}-runner";
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "garmin-fenix-5-run.fit"));

        var first = await ImportAsync(patientId, file, "garmin-fenix-5-run.fit", "format=auto");

        Assert.Equal("succeeded", first.GetProperty("state").GetString());
        Assert.Equal("garmin", first.GetProperty("format").GetString());
        Assert.Equal(0, first.GetProperty("rejected").GetInt64());
        var imported = first.GetProperty("imported").GetInt64();
        Assert.True(imported >= 21, $"expected the 21 heart rates and more, imported {imported}");
        Assert.Equal(21, (await _host.Http.HeartRateTimesAsync(patientId)).Count);

        var again = await ImportAsync(patientId, file, "garmin-fenix-5-run.fit", "format=garmin");

        Assert.Equal(0, again.GetProperty("imported").GetInt64());
        Assert.Equal(imported, again.GetProperty("duplicates").GetInt64());
        var (_, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(imported, patient.GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task AppleExportReportsUnsupportedRecordsByReason()
    {
        var patientId = $"{_run}-apple";
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "exporter.xml"));

        var report = await ImportAsync(patientId, file, "export.xml", "format=auto");

        Assert.Equal("succeeded", report.GetProperty("state").GetString());
        Assert.Equal("apple", report.GetProperty("format").GetString());
        Assert.True(report.GetProperty("imported").GetInt64() > 0);
        Assert.True(report.GetProperty("rejectedByReason").GetProperty("unsupported_record_type").GetInt64() > 0);
        Assert.Equal(report.GetProperty("recordsRead").GetInt64(),
            report.GetProperty("imported").GetInt64() + report.GetProperty("duplicates").GetInt64() + report.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task GenericCsvWithAColumnMappingKeepsGoodRowsAndNamesTheBadOnes()
    {
        var patientId = $"{_run}-csv";
        var csv = """
            when;bpm
            2026-01-10 08:00:00;61,5
            2026-01-10 08:01:00;not a number
            2026-01-10 08:02:00;400
            2026-01-10 08:03:00;64
            """u8.ToArray();

        var report = await ImportAsync(patientId, csv, "pulse.csv",
            "format=csv&timeZone=America/Sao_Paulo&timeColumn=when&valueColumn=bpm&type=heart_rate&unit=bpm&delimiter=%3B");

        Assert.Equal("succeeded", report.GetProperty("state").GetString());
        Assert.Equal(2, report.GetProperty("imported").GetInt64());
        Assert.Equal(2, report.GetProperty("rejected").GetInt64());
        var (_, vitals) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}/vitals?type=heart_rate");
        var first = vitals.GetProperty("samples")[0];
        Assert.Equal(61.5, first.GetProperty("value").GetDouble());
        Assert.Equal(TimeSpan.FromHours(-3), first.GetProperty("time").GetDateTimeOffset().Offset);
    }

    [Theory]
    [InlineData("format=palm-pilot", "unknown_format")]
    [InlineData("timeZone=Mars/Olympus_Mons", "unknown_time_zone")]
    public async Task BadImportRequestsAre400ProblemJson(string query, string reason)
    {
        using var response = await PostAsync($"{_run}-nobody", [1, 2, 3], query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(reason, body.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task UnrecognisedFileFailsWithAClearError()
    {
        var report = await ImportAsync($"{_run}-mystery", "just some text, not an export"u8.ToArray(), "notes.txt", "format=auto");

        Assert.Equal("failed", report.GetProperty("state").GetString());
        Assert.Contains("--format", report.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ImportAsync(string patientId, byte[] file, string fileName, string query)
    {
        using var response = await PostAsync(patientId, file, $"{query}&fileName={fileName}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        // The job runs in the background; its status is the only signal another process offers.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var (status, report) = await _host.Http.GetJsonAsync(location.OriginalString);
            Assert.Equal(HttpStatusCode.OK, status);
            var state = report.GetProperty("state").GetString();
            if (state is "succeeded" or "failed")
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"import still {state} after 2 minutes");
            await Task.Delay(50);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string patientId, byte[] file, string query)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return _host.Http.PostAsync(new Uri($"/api/v1/patients/{patientId}/imports?{query}", UriKind.Relative), content);
    }
}
