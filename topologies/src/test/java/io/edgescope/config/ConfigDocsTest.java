package io.edgescope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final String EMPTY_DEFAULT = "(empty)";

    @Test
    void shouldDocumentEveryKeyWithItsDefaultAndDoc() throws IOException {
        Map<String, String[]> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "config.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), new String[] {m.group(2).strip(), m.group(3).strip()});
            }
        }
        assertThat(documented.keySet()).containsExactlyElementsOf(EdgeScopeConfig.KEYS.stream().map(ConfigKey::name).toList());
        for (ConfigKey<?> key : EdgeScopeConfig.KEYS) {
            String[] row = documented.get(key.name());
            String expectedDefault = key.defaultValue().isEmpty() ? EMPTY_DEFAULT : "`" + key.defaultValue() + "`";
            assertThat(row[0]).as("default of %s", key.name()).isEqualTo(expectedDefault);
            assertThat(row[1]).as("doc of %s", key.name()).isEqualTo(key.doc());
        }
    }

    @Test
    void shouldReportEveryBadOrUnknownKeyAtOnce() {
        assertThatThrownBy(() -> EdgeScopeConfig.fromMap(Map.of("max.frame.bytes", "-1", "detector.nms.iou", "7",
                "no.such.key", "x")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("max.frame.bytes=-1")
                .hasMessageContaining("detector.nms.iou=7")
                .hasMessageContaining("unknown key no.such.key");
    }

    @Test
    void shouldApplyOverridesOverDefaults() {
        EdgeScopeConfig config = EdgeScopeConfig.defaults().with(Map.of("frames.partitions", "8"));
        assertThat(config.framePartitions()).isEqualTo(8);
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.externalBootstrap()).isEmpty();
    }

    @Test
    void shouldShareTheCoresAmongStreamThreadsUnlessDetectorThreadsAreSet() {
        int cores = Runtime.getRuntime().availableProcessors();
        EdgeScopeConfig defaults = EdgeScopeConfig.defaults();
        assertThat(defaults.detectorThreads()).isEqualTo(cores);
        assertThat(defaults.with(Map.of("num.stream.threads", Integer.toString(cores))).detectorThreads()).isEqualTo(1);
        assertThat(defaults.with(Map.of("num.stream.threads", Integer.toString(cores * 2))).detectorThreads()).isEqualTo(1);
        EdgeScopeConfig three = defaults.with(Map.of("detector.threads", "3"));
        assertThat(three.with(Map.of("num.stream.threads", "4")).detectorSettings().intraOpThreads()).isEqualTo(3);
        assertThat(three.with(Map.of("detector.threads", "auto")).toMap()).containsEntry("detector.threads", "auto");
        assertThatThrownBy(() -> defaults.with(Map.of("detector.threads", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detector.threads=0");
    }
}
