# Build: docker build -t shuzhi .   (docker-compose.yml does this for you)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY prompts prompts
RUN mvn -B -q -DskipTests package && cp target/shuzhi-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app shuzhi
WORKDIR /app
COPY --from=build /app.jar app.jar
# prompts/ next to the jar overrides the copy inside it: mount your own kinds here.
COPY prompts prompts
USER shuzhi
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
