# Multi-stage build of the HaIngestor daemon. Runs as a non-root user; all state lives in the /data volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props HaIngestor.Actors.sln ./
COPY hocon/ hocon/
COPY src/ src/
RUN dotnet publish src/HaIngestor.Daemon/HaIngestor.Daemon.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN groupadd --system haingestor && useradd --system --gid haingestor --home-dir /data haingestor \
    && mkdir -p /data && chown haingestor:haingestor /data
WORKDIR /app
COPY --from=build /app ./
ENV HAINGESTOR__DataDirectory=/data \
    HAINGESTOR__Api__Urls=http://0.0.0.0:8080 \
    DOTNET_gcServer=0
VOLUME ["/data"]
EXPOSE 8080
USER haingestor
ENTRYPOINT ["dotnet", "ha-ingestor.dll"]
CMD ["run"]
