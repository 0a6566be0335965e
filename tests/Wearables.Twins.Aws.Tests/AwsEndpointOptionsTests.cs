using Wearables.Twins.Aws.Options;

namespace Wearables.Twins.Aws.Tests;

public class AwsEndpointOptionsTests
{
    [Fact]
    public void The_public_endpoint_is_built_from_the_region_unless_a_service_url_replaces_it()
    {
        var options = new AwsEndpointOptions { Region = "eu-west-1" };
        Assert.Equal(new Uri("https://runtime.sagemaker.eu-west-1.amazonaws.com/"), options.ResolveBaseAddress("runtime.sagemaker"));

        options.ServiceUrl = new Uri("http://127.0.0.1:8080");
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), options.ResolveBaseAddress("runtime.sagemaker"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_the_setting()
    {
        var failures = new List<string>();
        AwsEndpointOptionsValidation.Validate(
            new AwsEndpointOptions { Region = "EU West", ServiceUrl = new Uri("ftp://x/"), AccessKeyId = "AKID" }, "Risk:SageMaker", failures);

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Risk:SageMaker:Region", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Risk:SageMaker:ServiceUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Risk:SageMaker:SecretAccessKey", StringComparison.Ordinal));
    }
}
