package io.edgescope.registry;

/** Picks the client for a {@code schema.registry.url}. */
public final class SchemaRegistryClients {

    /** Prefix of URLs served by an in-process, in-memory registry (tests), as with Confluent's serdes. */
    public static final String MOCK_PREFIX = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * An HTTP client for {@code http(s)://} URLs. {@code mock://} URLs are refused here: tests hand an
     * in-memory {@link SchemaStore} to the serdes directly, so no process-wide mock registry exists.
     */
    public static SchemaRegistryClient forUrl(String url) {
        return create(RegistryClientSettings.of(url));
    }

    /** {@link #forUrl} with {@code settings}' credentials and trust store. */
    public static SchemaRegistryClient create(RegistryClientSettings settings) {
        String url = settings.url();
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set");
        }
        if (url.startsWith(MOCK_PREFIX)) {
            throw new IllegalArgumentException("mock:// registries are created by tests with SchemaStore.inMemory()");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("schema.registry.url must start with http:// or https://, got " + url);
        }
        return new HttpSchemaRegistryClient(settings);
    }
}
