package io.edgescope.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Default variants from the topic context: ordered rules, first match wins — {@code glob=variant} on
 * the stream id (e.g. {@code site-a-*=yolox-nano-320}), {@code topic:glob=variant} on the frame topic
 * (e.g. {@code topic:edgescope.frames.site-a=yolox-nano-320}, with ingest {@code --site site-a}) or
 * {@code @header:glob=variant} on a frame header's value (e.g. {@code @site:dock*=yolox-nano-640},
 * with ingest {@code --header site=dock-2}). A stream's own profile overrides them.
 */
public final class VariantRules {

    /** @param header header whose value is matched, {@link #TOPIC} for the frame topic, or null for the stream id */
    private record Rule(String header, Pattern pattern, String variant) {
    }

    private static final String TOPIC = "\u0000topic";
    private static final String TOPIC_PREFIX = "topic:";

    private static final String HEADER_PREFIX = "@";
    private static final String HEADER_SEPARATOR = ":";

    private final List<Rule> rules;

    private VariantRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static VariantRules none() {
        return new VariantRules(List.of());
    }

    /**
     * Parses {@code glob=variant[,glob=variant...]} ({@code *} any run of characters, {@code ?} one);
     * every variant must satisfy {@code known}.
     */
    public static VariantRules parse(String spec, Predicate<String> known) {
        List<Rule> rules = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return none();
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("rule '" + entry.strip() + "' is not glob=variant");
            }
            String variant = parts[1].strip();
            if (!known.test(variant)) {
                throw new IllegalArgumentException("rule '" + entry.strip() + "' names unknown variant " + variant);
            }
            String target = parts[0].strip();
            String header = null;
            if (target.startsWith(TOPIC_PREFIX)) {
                header = TOPIC;
                target = target.substring(TOPIC_PREFIX.length());
            } else if (target.startsWith(HEADER_PREFIX)) {
                int colon = target.indexOf(HEADER_SEPARATOR);
                if (colon < 2 || colon == target.length() - 1) {
                    throw new IllegalArgumentException("rule '" + entry.strip() + "' is not @header:glob=variant");
                }
                header = target.substring(1, colon);
                target = target.substring(colon + 1);
            }
            rules.add(new Rule(header, Pattern.compile(globToRegex(target)), variant));
        }
        return new VariantRules(rules);
    }

    /** The variant of the first stream-id rule matching {@code streamId}. */
    public Optional<String> variantFor(String streamId) {
        return variantFor(streamId, "", name -> null);
    }

    /** The variant of the first rule matching the stream id, the frame topic or a header's value. */
    public Optional<String> variantFor(String streamId, String topic, UnaryOperator<String> headers) {
        return rules.stream().filter(r -> {
            String value = r.header() == null ? streamId : TOPIC.equals(r.header()) ? topic : headers.apply(r.header());
            return value != null && r.pattern().matcher(value).matches();
        }).map(Rule::variant).findFirst();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
