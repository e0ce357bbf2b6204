package io.edgescope.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of any Confluent-compatible schema registry (Confluent, Apicurio's ccompat API, or our
 * {@link EmbeddedSchemaRegistry}). Ids and schemas by id are cached forever, as they never change.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int HTTP_OK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private final String baseUrl;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(String baseUrl) {
        this(RegistryClientSettings.of(baseUrl));
    }

    /** A client with {@code settings}' credentials (basic auth) and trust store (https). */
    public HttpSchemaRegistryClient(RegistryClientSettings settings) {
        String url = settings.url();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        settings.trustStore().ifPresent(t -> builder.sslContext(TlsContexts.client(t, settings.trustStorePassword(), settings.trustStoreType())));
        this.http = builder.build();
        this.authorization = settings.userInfo()
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = reply.get("id").asInt();
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = SchemaStore.parse(call("GET", "/schemas/ids/" + id, null).get("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public SubjectSchema latest(String subject) {
        JsonNode reply = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new SubjectSchema(reply.get("subject").asText(), reply.get("version").asInt(), reply.get("id").asInt(),
                SchemaStore.parse(reply.get("schema").asText()));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .get("is_compatible").asBoolean();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        call("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", RegistryHttpHandler.CONTENT_TYPE)
                .header("Content-Type", RegistryHttpHandler.CONTENT_TYPE);
        authorization.ifPresent(a -> request.header("Authorization", a));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() == UNAUTHORIZED || response.statusCode() == FORBIDDEN) {
                throw new SchemaRegistryException(response.statusCode(), "Schema registry at " + baseUrl + " refused "
                        + (authorization.isPresent() ? "the credentials" : "a request without credentials")
                        + " (HTTP " + response.statusCode() + "): check schema.registry.basic.auth.user.info");
            }
            if (response.statusCode() != HTTP_OK) {
                int code = json.path("error_code").asInt(response.statusCode());
                throw new SchemaRegistryException(code, json.path("message").asText("HTTP " + response.statusCode()));
            }
            return json;
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (javax.net.ssl.SSLException e) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "TLS to the schema registry at " + baseUrl
                    + " failed (" + e.getMessage() + "): check schema.registry.ssl.truststore.location", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw unreachable(e);
            }
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Schema registry at " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted calling " + baseUrl, e);
        }
    }

    private SchemaRegistryException unreachable(Exception e) {
        return new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                "Schema registry at " + baseUrl + " is unreachable (" + e.getClass().getSimpleName()
                        + "): check schema.registry.url and that the registry is running", e);
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode schema", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
