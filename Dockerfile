# NestPortal container image.
#
#   docker build -t nestportal .
#
# Stage 1 (build) publishes the web app and builds a self-contained EF Core migration bundle for
# SQL Server. Stage 2 (runtime) holds only the published output plus the bundle and runs as the
# unprivileged "app" user of the Microsoft base image. The same image serves two purposes:
#   - the web app (default entrypoint), listening on plain HTTP port 8080 behind a TLS proxy;
#   - the schema migration, by overriding the entrypoint: /app/efbundle --connection "<conn>".
# See docs/operations.md.

############################ build ############################
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src

# The migration bundle is native, self-contained code: build it for the architecture the image is
# built for (linux-x64 on usual servers, linux-arm64 on ARM hosts), not blindly for x64.
RUN case "$(uname -m)" in \
        x86_64)  echo linux-x64   > /tmp/rid ;; \
        aarch64) echo linux-arm64 > /tmp/rid ;; \
        *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;; \
    esac

# Restore first, from the project files only, so the package layer is reused while only code
# changes. The container build uses nuget.org; versions are pinned in Directory.Packages.props.
# When a project the web app references is added under src/, add its .csproj here. (The development
# host, src/NestPortal.Development, is not one: .dockerignore keeps it out of the build context.)
COPY global.json Directory.Build.props Directory.Packages.props dotnet-tools.json .editorconfig ./
COPY src/NestPortal.Domain/NestPortal.Domain.csproj src/NestPortal.Domain/
COPY src/NestPortal.Data/NestPortal.Data.csproj src/NestPortal.Data/
COPY src/NestPortal.Data.Migrations.Sqlite/NestPortal.Data.Migrations.Sqlite.csproj src/NestPortal.Data.Migrations.Sqlite/
COPY src/NestPortal.Data.Migrations.SqlServer/NestPortal.Data.Migrations.SqlServer.csproj src/NestPortal.Data.Migrations.SqlServer/
COPY src/NestPortal.Web/NestPortal.Web.csproj src/NestPortal.Web/
# dotnet-ef comes from the tool manifest (pinned to the EF Core version of the app).
RUN dotnet tool restore \
 && dotnet restore src/NestPortal.Web/NestPortal.Web.csproj \
 && dotnet restore src/NestPortal.Data.Migrations.SqlServer/NestPortal.Data.Migrations.SqlServer.csproj \
        -r "$(cat /tmp/rid)" -p:SelfContained=true

COPY src/ src/

# Framework-dependent publish of the web app. (Restore runs again, from the local package cache,
# because the restore above for the bundle's runtime rewrote the shared assets files.)
RUN dotnet publish src/NestPortal.Web/NestPortal.Web.csproj -c Release -o /app -p:UseAppHost=false

# Migration bundle for SQL Server. The migrations project has an IDesignTimeDbContextFactory, so it
# is its own startup project. The bundle applies only pending migrations and needs no SDK at run time.
RUN dotnet ef migrations bundle \
        --project src/NestPortal.Data.Migrations.SqlServer \
        --configuration Release \
        --self-contained -r "$(cat /tmp/rid)" \
        -o /app/efbundle \
 && chmod 0755 /app/efbundle

############################ runtime ############################
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The aspnet image contains neither curl nor wget, and a health probe cannot call "dotnet" against
# an HTTP endpoint. curl is the smallest sound probe: installed from the distribution, lists
# removed in the same layer so the image keeps no apt cache.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Published files stay owned by root and are read-only for the app user.
COPY --from=build /app ./
# App_Data is the only writable place (mail pickup folder when no SMTP host is configured; the
# SQLite database when the image is run with the default provider). Mount a volume here.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

# Plain HTTP inside the container; TLS is terminated by the reverse proxy in front, which sends
# X-Forwarded-Proto/-For. ASPNETCORE_FORWARDEDHEADERS_ENABLED makes the app honour them, so it sees
# https (needed for the __Host- Secure cookies in Production). Because it trusts these headers from
# any sender, port 8080 must be reachable only by the proxy.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# Non-root: the "app" user (UID $APP_UID = 1654) that the Microsoft images define.
USER $APP_UID

# Readiness: the database can be read and written (ADR 0022); /health/live answers without the database.
# The timeout leaves room for the database's busy timeout (Database:Sqlite:BusyTimeoutSeconds, 5 s).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/health/ready || exit 1

ENTRYPOINT ["dotnet", "NestPortal.Web.dll"]
