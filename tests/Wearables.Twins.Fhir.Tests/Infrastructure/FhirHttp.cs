using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Http;

namespace Wearables.Twins.Fhir.Tests.Infrastructure;

/// <summary>An HTTP answer from the FHIR endpoints, its body parsed strictly with the Firely SDK.</summary>
public sealed record FhirResponse(HttpStatusCode Status, Resource? Resource, HttpResponseMessage Message)
{
    public T As<T>()
        where T : Resource
        => Assert.IsType<T>(Resource);
}

public static class FhirHttp
{
    private static readonly FhirJson Json = new();

    public static Task<FhirResponse> PostAsync(this HttpClient client, string path, Resource resource, string? prefer = null)
        => client.PostJsonAsync(path, Json.SerializeToString(resource), prefer: prefer);

    public static async Task<FhirResponse> PostJsonAsync(
        this HttpClient client, string path, string json, string contentType = "application/fhir+json", string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return await SendAsync(client, request);
    }

    public static async Task<FhirResponse> GetFhirAsync(this HttpClient client, string pathOrUrl, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathOrUrl);
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        return await SendAsync(client, request);
    }

    public static async Task<FhirResponse> SendAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return new FhirResponse(response.StatusCode, null, response);
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/fhir+json", $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        return new FhirResponse(response.StatusCode, FhirAssert.Parse<Resource>(body), response);
    }
}

public static class HostServices
{
    public static FhirJson GetFhirJson(this IServiceProvider services)
        => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FhirJson>(services);
}
