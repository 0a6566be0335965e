global using Wearables.Twins.Api.Views;
