package io.edgescope.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Confluent Schema Registry REST subset over a {@link SchemaStore}: register, lookup,
 * get by id, subjects, versions, latest, compatibility test and the global config.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int BAD_REQUEST = 400;
    private static final int INTERNAL_ERROR = 50001;

    private static final Pattern SCHEMA_BY_ID = Pattern.compile("^/schemas/ids/(\\d+)$");
    private static final Pattern SUBJECTS = Pattern.compile("^/subjects/?$");
    private static final Pattern SUBJECT = Pattern.compile("^/subjects/([^/]+)/?$");
    private static final Pattern SUBJECT_VERSIONS = Pattern.compile("^/subjects/([^/]+)/versions/?$");
    private static final Pattern SUBJECT_VERSION = Pattern.compile("^/subjects/([^/]+)/versions/([^/]+)$");
    private static final Pattern COMPATIBILITY = Pattern.compile("^/compatibility/subjects/([^/]+)/versions/([^/]+)$");
    private static final Pattern CONFIG = Pattern.compile("^/config/?$");

    private final SchemaStore store;

    RegistryHttpHandler(SchemaStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            try {
                Object body = route(method, path, exchange.getRequestBody());
                respond(exchange, 200, body);
            } catch (SchemaRegistryException e) {
                respond(exchange, e.httpStatus(), error(e.errorCode(), e.getMessage()));
            } catch (IllegalArgumentException | IOException e) {
                respond(exchange, BAD_REQUEST, error(BAD_REQUEST, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("Registry request {} {} failed", method, path, e);
                respond(exchange, 500, error(INTERNAL_ERROR, e.toString()));
            }
        }
    }

    private Object route(String method, String path, InputStream body) throws IOException {
        Matcher m;
        if ("GET".equals(method) && (m = SCHEMA_BY_ID.matcher(path)).matches()) {
            return Map.of("schema", store.schemaById(Integer.parseInt(m.group(1))).toString());
        }
        if ("GET".equals(method) && SUBJECTS.matcher(path).matches()) {
            return store.subjects();
        }
        if ("GET".equals(method) && CONFIG.matcher(path).matches()) {
            return Map.of("compatibilityLevel", store.level().name());
        }
        if ("GET".equals(method) && (m = SUBJECT_VERSIONS.matcher(path)).matches()) {
            return store.versions(decode(m.group(1)));
        }
        if ("POST".equals(method) && (m = SUBJECT_VERSIONS.matcher(path)).matches()) {
            return Map.of("id", store.register(decode(m.group(1)), schemaText(body)));
        }
        if ("GET".equals(method) && (m = SUBJECT_VERSION.matcher(path)).matches()) {
            return describe(version(decode(m.group(1)), m.group(2)));
        }
        if ("POST".equals(method) && (m = SUBJECT.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            store.versions(subject);
            Schema schema = SchemaStore.parse(schemaText(body));
            return describe(store.lookup(subject, schema).orElseThrow(() -> new SchemaRegistryException(
                    SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'")));
        }
        if ("POST".equals(method) && (m = COMPATIBILITY.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            Schema schema = SchemaStore.parse(schemaText(body));
            SubjectSchema against = version(subject, m.group(2));
            return Map.of("is_compatible", store.level().allows(against.schema(), schema));
        }
        throw new SchemaRegistryException(SchemaRegistryException.NOT_FOUND, "No such endpoint: " + method + " " + path);
    }

    private SubjectSchema version(String subject, String version) {
        return "latest".equals(version) || "-1".equals(version)
                ? store.latest(subject)
                : store.version(subject, Integer.parseInt(version));
    }

    private static Map<String, Object> describe(SubjectSchema s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", s.subject());
        out.put("version", s.version());
        out.put("id", s.id());
        out.put("schema", s.schema().toString());
        return out;
    }

    private static String schemaText(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("Request body over " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode node = JSON.readTree(bytes);
        if (node == null || !node.hasNonNull("schema")) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Request has no 'schema' field");
        }
        JsonNode type = node.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Only AVRO schemas are supported, got " + type.asText());
        }
        return node.get("schema").asText();
    }

    private static String decode(String pathPart) {
        return URLDecoder.decode(pathPart, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error_code", code, "message", String.valueOf(message));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
