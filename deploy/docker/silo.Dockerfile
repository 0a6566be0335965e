# syntax=docker/dockerfile:1
# The silo host (src/Wearables.Twins.Host): REST API and /health, /metrics on 5080, MQTT 1883 (embedded broker,
# off in the AWS profile), Orleans silo 11111 and gateway 30000.
#   docker build -f deploy/docker/silo.Dockerfile -t wearables-twins/silo .     (from the repository root)
# The SDK image must satisfy global.json (10.0.401 or a later 10.0 feature band).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Wearables.Twins.Host/Wearables.Twins.Host.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The data directory is the only place the service writes (Kubernetes mounts a volume there, and the root
# filesystem read-only); owned by the images' non-root user "app" (uid 1654, $APP_UID).
RUN install -d -o "$APP_UID" -g "$APP_UID" /var/lib/twins
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS="" \
    Urls=http://+:5080 \
    Twins__DataDirectory=/var/lib/twins
EXPOSE 5080 1883 11111 30000
USER $APP_UID
ENTRYPOINT ["dotnet", "Wearables.Twins.Host.dll"]
