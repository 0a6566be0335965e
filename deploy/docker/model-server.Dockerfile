# syntax=docker/dockerfile:1
# The risk model server (src/Wearables.Twins.ModelServer) behind the SageMaker inference-container contract:
# GET /ping and POST /invocations on 8080. SageMaker starts it as `docker run <image> serve`, so "serve" reaches
# the program as its first argument.
#   docker build -f deploy/docker/model-server.Dockerfile -t wearables-twins/model-server .   (from the repository root)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Wearables.Twins.ModelServer/Wearables.Twins.ModelServer.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Wearables.Twins.ModelServer.dll"]
