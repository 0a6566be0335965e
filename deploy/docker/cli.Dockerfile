# syntax=docker/dockerfile:1
# Tools image: the `twins` command line (src/Wearables.Twins.Cli), e.g. for a one-off import Job in the cluster:
#   docker run --rm wearables-twins/cli --help
#   docker build -f deploy/docker/cli.Dockerfile -t wearables-twins/cli .     (from the repository root)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Wearables.Twins.Cli/Wearables.Twins.Cli.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
ENTRYPOINT ["dotnet", "twins.dll"]
