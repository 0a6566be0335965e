namespace Wearables.Twins.Hosting.Clustering.Tests.Grains;

public interface IWhereGrain : IGrainWithIntegerKey
{
    Task<SiloAddress> SiloAsync();
}

/// <summary>Says which silo runs it, to see grains spread over the cluster.</summary>
public sealed class WhereGrain(ILocalSiloDetails silo) : Grain, IWhereGrain
{
    public Task<SiloAddress> SiloAsync() => Task.FromResult(silo.SiloAddress);
}
