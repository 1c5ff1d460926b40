# syntax=docker/dockerfile:1
# samenspel/governance from the shaded jar the build makes. From the repository root:
#   ./mvnw -q -B -pl services/governance,services/documents -am package -DskipTests
#   docker build -f deploy/governance.Dockerfile -t samenspel/governance:0.1.0 .
# (deploy/source.Dockerfile builds the same image from source, without a local JDK.)
# Class-data sharing, made in this stage: a training run of the local demo (nl.samenspel.governance.
# CdsTraining: embedded PostgreSQL, which refuses to run as root, hence user 10001) makes the first
# requests and exits, and the JVM writes every class it loaded to an archive that the ENTRYPOINT maps:
# start to ready about 2 s instead of 4.5 s (services/bench/README.md). -XX:MaxRAM keeps the heap, and
# so compressed pointers, as in the 1 GiB container. The jar is copied on from here, with its time
# stamp, which the archive must match; an archive that does not fit is ignored with a warning.
FROM eclipse-temurin:17-jre AS cds
COPY services/governance/target/governance.jar /app/governance.jar
# PostgreSQL's initdb looks the user up by id: the stage (not the final image) gets a passwd entry.
RUN echo "cds:x:10001:10001::/cds:/usr/sbin/nologin" >> /etc/passwd \
 && echo "cds:x:10001:" >> /etc/group \
 && install -d -o 10001 -g 10001 /cds
USER 10001:10001
RUN cd /cds && java -XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Duser.home=/tmp \
      -Djava.awt.headless=true -XX:ArchiveClassesAtExit=/cds/governance.jsa \
      -cp /app/governance.jar nl.samenspel.governance.CdsTraining

FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="samenspel-governance" \
      org.opencontainers.image.description="Samenspel governance service: the system of record, API and web UI"

# The jar and its archive are read-only and owned by root; the service runs as a numeric non-root user, so
# Kubernetes can check runAsNonRoot without a passwd entry. It writes only to /tmp.
COPY --from=cds /app/governance.jar /app/governance.jar
COPY --from=cds /cds/governance.jsa /app/governance.jsa
# Fails the build when the JVM would not map the archive (a jar time stamp or JVM that does not match).
RUN java -Xshare:on -XX:SharedArchiveFile=/app/governance.jsa -cp /app/governance.jar -version
USER 10001:10001
WORKDIR /tmp
# Without configuration the image refuses to start instead of running the local demo.
ENV MICRONAUT_ENVIRONMENTS=prod
EXPOSE 8080 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Duser.home=/tmp", "-Djava.awt.headless=true", "-XX:SharedArchiveFile=/app/governance.jsa", "-jar", "/app/governance.jar"]
