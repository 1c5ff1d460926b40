# syntax=docker/dockerfile:1
# samenspel/governance from the shaded jar the build makes. From the repository root:
#   ./mvnw -q -B -pl services/governance,services/documents -am package -DskipTests
#   docker build -f deploy/governance.Dockerfile -t samenspel/governance:0.1.0 .
# (deploy/source.Dockerfile builds the same image from source, without a local JDK.)
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="samenspel-governance" \
      org.opencontainers.image.description="Samenspel governance service: the system of record, API and web UI"

# The jar is read-only and owned by root; the service runs as a numeric non-root user, so
# Kubernetes can check runAsNonRoot without a passwd entry. It writes only to /tmp.
COPY services/governance/target/governance.jar /app/governance.jar
USER 10001:10001
WORKDIR /tmp
# Without configuration the image refuses to start instead of running the local demo.
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8080 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-jar", "/app/governance.jar"]
