using Wearables.Twins.Workers.Hosting;

// The workers alone (no silo): they only read queues, so they never call back into grains.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTwinsWorkers(builder.Configuration);
await builder.Build().RunAsync();
