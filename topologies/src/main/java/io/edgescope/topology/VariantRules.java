package io.edgescope.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Default variants from the topic context: ordered {@code glob=variant} rules on the stream id
 * (e.g. {@code site-a-*=yolox-nano-320}); the first match wins. A stream's own profile overrides them.
 */
public final class VariantRules {

    private record Rule(Pattern pattern, String variant) {
    }

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
            rules.add(new Rule(Pattern.compile(globToRegex(parts[0].strip())), variant));
        }
        return new VariantRules(rules);
    }

    /** The variant of the first rule matching {@code streamId}. */
    public Optional<String> variantFor(String streamId) {
        return rules.stream().filter(r -> r.pattern().matcher(streamId).matches()).map(Rule::variant).findFirst();
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
