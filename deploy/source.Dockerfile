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

# Class-data sharing, made in this stage: a training run of the local demo (nl.samenspel.governance.
# CdsTraining: embedded PostgreSQL, which refuses to run as root, hence user 10001) makes the first
# requests and exits, and the JVM writes every class it loaded to an archive that the ENTRYPOINT maps:
# start to ready about 2 s instead of 4.5 s (services/bench/README.md). -XX:MaxRAM keeps the heap, and
# so compressed pointers, as in the 1 GiB container. The jar is copied on from here, with its time
# stamp, which the archive must match; an archive that does not fit is ignored with a warning.
FROM eclipse-temurin:17-jre AS cds
COPY --from=build /src/services/governance/target/governance.jar /app/governance.jar
# PostgreSQL's initdb looks the user up by id: the stage (not the final image) gets a passwd entry.
RUN echo "cds:x:10001:10001::/cds:/usr/sbin/nologin" >> /etc/passwd \
 && echo "cds:x:10001:" >> /etc/group \
 && install -d -o 10001 -g 10001 /cds
USER 10001:10001
RUN cd /cds && java -XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Duser.home=/tmp \
      -Djava.awt.headless=true -XX:ArchiveClassesAtExit=/cds/governance.jsa \
      -cp /app/governance.jar nl.samenspel.governance.CdsTraining

FROM eclipse-temurin:17-jre AS governance
LABEL org.opencontainers.image.title="samenspel-governance" \
      org.opencontainers.image.description="Samenspel governance service: the system of record, API and web UI"
COPY --from=cds /app/governance.jar /app/governance.jar
COPY --from=cds /cds/governance.jsa /app/governance.jsa
# Fails the build when the JVM would not map the archive (a jar time stamp or JVM that does not match).
RUN java -Xshare:on -XX:SharedArchiveFile=/app/governance.jsa -cp /app/governance.jar -version
USER 10001:10001
WORKDIR /tmp
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8080 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-XX:SharedArchiveFile=/app/governance.jsa", "-jar", "/app/governance.jar"]
