package io.edgescope.roma;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What ROMA estimates at run time — each variant's accuracy on the current content, each variant's
 * latency under the current load — supplied from hindsight instead. Benchmarks use it to measure
 * what each estimate costs against knowing it; the pipeline never does.
 */
public interface Hindsight {

    /** ROMA's own estimates throughout. */
    Hindsight NONE = new Hindsight() {
        @Override
        public Optional<ToDoubleFunction<String>> accuracyAt(long frame) {
            return Optional.empty();
        }

        @Override
        public Optional<Function<String, double[]>> latencyAt(long frame) {
            return Optional.empty();
        }
    };

    /** Each variant's true AP50 on the content of {@code frame}, or empty to estimate it from the object sizes. */
    Optional<ToDoubleFunction<String>> accuracyAt(long frame);

    /** Each variant's true latencies under the load of {@code frame}, or empty to estimate them from measurements. */
    Optional<Function<String, double[]>> latencyAt(long frame);
}
