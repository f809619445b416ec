# Bot Core images: one build, two services. Multi-stage: Maven builds the executable jar, a JRE-only image
# runs it, unpacked (plain jars on the class path start about 30 % faster than the nested fat jar).
#   docker build --target engine -t bot-core-engine .
#   docker build --target ai -t bot-core-ai .
# docker-compose.yml builds both.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY core/pom.xml core/
COPY exchange/pom.xml exchange/
COPY platform/pom.xml platform/
COPY engine/pom.xml engine/
COPY ai/pom.xml ai/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl app -am dependency:go-offline -Dmaven.test.skip=true || true
COPY . .
RUN mvn -B -q -pl app -am package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar app/target/bot-core.jar extract --destination /out

FROM eclipse-temurin:17-jre AS runtime
RUN groupadd --system bot-core && useradd --system --gid bot-core --home-dir /opt/bot-core bot-core \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/bot-core
COPY --from=build /out/ /opt/bot-core/app/
COPY config/ /opt/bot-core/config/
COPY data/recorded/ /opt/bot-core/data/recorded/
RUN mkdir -p logs data backups && chown -R bot-core:bot-core /opt/bot-core
ENV BOTCORE_HOME=/opt/bot-core BOTCORE_RECORDED=/opt/bot-core/data/recorded
USER bot-core
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/bot-core/app/bot-core.jar"]

FROM runtime AS engine
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD curl -fsS http://127.0.0.1:8080/api/health >/dev/null || exit 1
CMD ["engine"]

FROM runtime AS ai
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD curl -fsS http://127.0.0.1:8000/health >/dev/null || exit 1
CMD ["ai"]
