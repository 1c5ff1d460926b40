# syntax=docker/dockerfile:1
# Both images built from source in a JDK stage (needs Maven Central; the Maven repository is a
# build cache). From the repository root:
#   docker build -f deploy/source.Dockerfile --target governance -t samenspel/governance:0.1.0 .
#   docker build -f deploy/source.Dockerfile --target documents -t samenspel/documents:0.1.0 .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Every module's pom is part of the reactor, even the ones not built here.
COPY helm/pom.xml helm/pom.xml
COPY services services
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -pl services/governance,services/documents -am package -DskipTests

FROM eclipse-temurin:17-jre AS documents
LABEL org.opencontainers.image.title="samenspel-documents" \
      org.opencontainers.image.description="Samenspel documents service: PDF/A rendering, PAdES seals, verification"
COPY --from=build /src/services/documents/target/documents-all.jar /app/documents.jar
USER 10001:10001
WORKDIR /tmp
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8081 8091
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-jar", "/app/documents.jar"]

FROM eclipse-temurin:17-jre AS governance
LABEL org.opencontainers.image.title="samenspel-governance" \
      org.opencontainers.image.description="Samenspel governance service: the system of record, API and web UI"
COPY --from=build /src/services/governance/target/governance.jar /app/governance.jar
USER 10001:10001
WORKDIR /tmp
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8080 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-jar", "/app/governance.jar"]
