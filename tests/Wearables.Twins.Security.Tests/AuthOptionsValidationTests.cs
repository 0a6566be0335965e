using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wearables.Twins.Api.Security;

namespace Wearables.Twins.Security.Tests;

/// <summary><c>Twins:Auth</c> is checked by the validator <see cref="SecurityServiceCollectionExtensions.AddTwinsSecurity"/> registers.</summary>
public sealed class AuthOptionsValidationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void UnknownProviderIsNamed()
        => Assert.Equal(["Twins:Auth:Provider must be 'local' or 'cognito' (was 'oidc')."],
            Failures(new() { ["Twins:Auth:Provider"] = "oidc" }));

    [Fact]
    public void CognitoWithoutPoolOrClientsListsEveryMissingSetting()
        => Assert.Equal(
            [
                "Twins:Auth:Cognito needs Region and UserPoolId (or Authority).",
                "Twins:Auth:Cognito:ClientIds must list at least one app client id.",
            ],
            Failures(new() { ["Twins:Auth:Provider"] = "cognito", ["Twins:Auth:Cognito:Region"] = "eu-west-1" }));

    [Fact]
    public void HttpAuthorityNeedsAllowHttpAuthority()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twins:Auth:Provider"] = "cognito",
            ["Twins:Auth:Cognito:Authority"] = "http://127.0.0.1:9/eu-west-1_Pool/",
            ["Twins:Auth:Cognito:ClientIds:0"] = "client-1",
        };

        Assert.Equal(["Twins:Auth:Cognito:Authority must be an https URL (was 'http://127.0.0.1:9/eu-west-1_Pool')."], Failures(settings));

        settings["Twins:Auth:Cognito:AllowHttpAuthority"] = "true";
        Assert.Empty(Failures(settings));
    }

    [Fact]
    public void AuthorityThatIsNotAnAbsoluteUrlIsRefused()
        => Assert.Equal(["Twins:Auth:Cognito:Authority must be an https URL (was 'cognito-idp/pool')."],
            Failures(new()
            {
                ["Twins:Auth:Provider"] = "cognito",
                ["Twins:Auth:Cognito:Authority"] = "cognito-idp/pool",
                ["Twins:Auth:Cognito:ClientIds:0"] = "client-1",
            }));

    [Fact]
    public void RegionAndPoolGiveTheCognitoIssuer()
    {
        var options = Resolve(new()
        {
            ["Twins:Auth:Provider"] = "cognito",
            ["Twins:Auth:Cognito:Region"] = "eu-west-1",
            ["Twins:Auth:Cognito:UserPoolId"] = "eu-west-1_AbCdEf123",
            ["Twins:Auth:Cognito:ClientIds:0"] = "client-1",
        });

        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", options.Cognito.ResolvedAuthority);
    }

    [Fact]
    public void NoSettingsMeanTheLocalIssuer()
        => Assert.Equal(AuthProviders.Local, Resolve([]).Provider);

    [Fact]
    public async Task HostWithBadSettingsFailsToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Twins:Auth:Provider"] = "cognito" });
        builder.Services.AddLogging();
        builder.Services.AddTwinsSecurity(builder.Configuration, _data.Root);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Twins:Auth:Cognito needs Region and UserPoolId (or Authority).", error.Failures);
    }

    private string[] Failures(Dictionary<string, string?> settings)
    {
        try
        {
            Resolve(settings);
            return [];
        }
        catch (OptionsValidationException error)
        {
            return [.. error.Failures];
        }
    }

    private AuthOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddTwinsSecurity(configuration, _data.Root).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AuthOptions>>().Value;
    }
}
