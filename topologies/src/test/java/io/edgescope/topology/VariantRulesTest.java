package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariantRulesTest {

    @Test
    void shouldPickTheFirstMatchingGlob() {
        VariantRules rules = VariantRules.parse("site-a-*=yolox-nano-320, site-?-gate=yolox-nano-640, *=yolox-nano-256", v -> true);
        assertThat(rules.variantFor("site-a-7")).contains("yolox-nano-320");
        assertThat(rules.variantFor("site-b-gate")).contains("yolox-nano-640");
        assertThat(rules.variantFor("lobby")).contains("yolox-nano-256");
    }

    @Test
    void shouldMatchHeaderRulesOnTheHeaderValue() {
        VariantRules rules = VariantRules.parse("@site:dock*=yolox-nano-640,cam-*=yolox-nano-320", v -> true);
        assertThat(rules.variantFor("cam-1", "edgescope.frames", h -> h.equals("site") ? "dock-2" : null)).contains("yolox-nano-640");
        assertThat(rules.variantFor("cam-1", "edgescope.frames", h -> null)).contains("yolox-nano-320");
        assertThatThrownBy(() -> VariantRules.parse("@site=yolox-nano-640", v -> true)).hasMessageContaining("@header:glob=variant");
    }

    @Test
    void shouldMatchTopicRulesOnTheFrameTopic() {
        VariantRules rules = VariantRules.parse("topic:edgescope.frames.site-a=yolox-nano-320", v -> true);
        assertThat(rules.variantFor("cam-1", "edgescope.frames.site-a", h -> null)).contains("yolox-nano-320");
        assertThat(rules.variantFor("cam-1", "edgescope.frames", h -> null)).isEmpty();
    }

    @Test
    void shouldTreatRegexCharactersLiterally() {
        VariantRules rules = VariantRules.parse("cam.1=yolox-nano-320", v -> true);
        assertThat(rules.variantFor("cam.1")).isPresent();
        assertThat(rules.variantFor("camX1")).isEmpty();
    }

    @Test
    void shouldRefuseMalformedRulesAndUnknownVariants() {
        assertThatThrownBy(() -> VariantRules.parse("site-a", v -> true)).hasMessageContaining("is not glob=variant");
        assertThatThrownBy(() -> VariantRules.parse("site-a=resnet", v -> false)).hasMessageContaining("unknown variant resnet");
        assertThat(VariantRules.parse("", v -> false).variantFor("x")).isEmpty();
    }
}
