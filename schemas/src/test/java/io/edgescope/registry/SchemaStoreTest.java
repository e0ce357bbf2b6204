package io.edgescope.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    static final Schema V1 = SchemaBuilder.record("Reading").namespace("test").fields()
            .requiredString("sensor").requiredDouble("value").endRecord();
    /** Adds a field with a default: readers of V2 can read V1 data (BACKWARD compatible). */
    static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Reading").namespace("test").fields()
            .requiredString("sensor").requiredDouble("value").name("unit").type().stringType().stringDefault("C").endRecord();
    /** Adds a required field: readers of this cannot read V1 data (incompatible). */
    static final Schema V2_REQUIRED = SchemaBuilder.record("Reading").namespace("test").fields()
            .requiredString("sensor").requiredDouble("value").requiredLong("timestamp").endRecord();

    private final SchemaStore store = SchemaStore.inMemory();

    @Test
    void shouldRefuseIncompatibleChangeAndAcceptCompatibleOne() {
        int v1 = store.register("readings-value", V1);
        assertThat(store.isCompatible("readings-value", V2_REQUIRED)).isFalse();
        assertThatThrownBy(() -> store.register("readings-value", V2_REQUIRED))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE));
        assertThat(store.isCompatible("readings-value", V2_WITH_DEFAULT)).isTrue();
        int v2 = store.register("readings-value", V2_WITH_DEFAULT);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(store.latest("readings-value").version()).isEqualTo(2);
        assertThat(store.versions("readings-value")).containsExactly(1, 2);
    }

    @Test
    void shouldReuseIdsForTheSameSchema() {
        int first = store.register("a-value", V1);
        assertThat(store.register("a-value", V1)).isEqualTo(first);
        assertThat(store.register("b-value", V1)).isEqualTo(first);
        assertThat(store.versions("a-value")).containsExactly(1);
        assertThat(store.schemaById(first)).isEqualTo(V1);
    }

    @Test
    void shouldReportMissingSubjectsAndIds() {
        assertThatThrownBy(() -> store.latest("nope"))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> store.schemaById(42))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> store.register("x", "{not json"))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(422));
    }
}
