package io.edgescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering: pure logic has no Kafka or DJL; processors never build topologies; only app/cli create KafkaStreams. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.edgescope");

    @Test
    void pureDetectionLogicHasNoKafkaOrDjlImports() {
        noClasses().that().resideInAnyPackage("io.edgescope.detect", "io.edgescope.detect.yolox", "io.edgescope.stats")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "ai.djl..", "ai.onnxruntime..")
                .check(CLASSES);
    }

    @Test
    void processorsAndMediaNeverUseKafkaStreams() {
        noClasses().that().resideInAnyPackage("io.edgescope.detect..", "io.edgescope.image..", "io.edgescope.media..",
                        "io.edgescope.assets..", "io.edgescope.registry..", "io.edgescope.serde..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.streams..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAppCreatesKafkaStreams() {
        noClasses().that().resideOutsideOfPackages("io.edgescope.app..")
                .should().callConstructor(org.apache.kafka.streams.KafkaStreams.class,
                        org.apache.kafka.streams.Topology.class, java.util.Properties.class)
                .check(CLASSES);
    }

    @Test
    void topologiesDoNoIoOrModelLoading() {
        noClasses().that().resideInAPackage("io.edgescope.topology..")
                .should().dependOnClassesThat().resideInAnyPackage("io.edgescope.app..", "io.edgescope.cli..",
                        "io.edgescope.detect.onnx..", "ai.djl..")
                .check(CLASSES);
    }
}
