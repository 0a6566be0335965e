# syntax=docker/dockerfile:1
# The workers alone (src/Wearables.Twins.Workers): notification, care-team and campaign workers reading their
# queues; /health/live on 8081. ASP.NET Core runtime for that health endpoint.
#   docker build -f deploy/docker/workers.Dockerfile -t wearables-twins/workers .     (from the repository root)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Wearables.Twins.Workers/Wearables.Twins.Workers.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN install -d -o "$APP_UID" -g "$APP_UID" /var/lib/twins
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8081 \
    Twins__DataDirectory=/var/lib/twins
EXPOSE 8081
USER $APP_UID
ENTRYPOINT ["dotnet", "Wearables.Twins.Workers.dll"]
