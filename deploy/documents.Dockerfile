# syntax=docker/dockerfile:1
# samenspel/documents from the shaded jar the build makes (documents-all.jar; documents.jar next to
# it is the plain library jar governance embeds). From the repository root:
#   ./mvnw -q -B -pl services/governance,services/documents -am package -DskipTests
#   docker build -f deploy/documents.Dockerfile -t samenspel/documents:0.1.0 .
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="samenspel-documents" \
      org.opencontainers.image.description="Samenspel documents service: PDF/A rendering, PAdES seals, verification"

COPY services/documents/target/documents-all.jar /app/documents.jar
USER 10001:10001
WORKDIR /tmp
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8081 8091
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-jar", "/app/documents.jar"]
