package io.edgescope.bench.roma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A {@code bench roma-live} trace checked against a CPU-sampling profiler's recording of the same run (JFR, e.g.
 * async-profiler's {@code event=cpu}): for every decision, and every reference unit run right after one, that its thread was
 * charged over a threshold of CPU time for, the profiler's samples of that thread while it ran with that code on the stack,
 * against the number its CPU time implies (CPU time / sampling interval). A profiler that samples on the thread's CPU clock
 * takes one sample per interval of code run; CPU time charged while the virtual CPU was paused by the host (or the guest held
 * interrupts off) is time no sample can land in, so it shows as CPU time with few or no samples.
 */
public final class ProfiledDecisions {

    /** A decision's samples have this method on the stack. */
    static final String DECISION_FRAME = "io.edgescope.roma.RomaSelector.decide";
    /** A reference unit's samples have this method on the stack. */
    static final String REFERENCE_FRAME = ReferenceWork.class.getName() + ".unit";
    /** The trace's times are whole milliseconds: each window is widened by this much on each side. */
    static final long PAD_MILLIS = 1;
    /** Work sampled at most this share of what its CPU time implies counts as charged for time it did not run. */
    static final double UNDER_SAMPLED_SHARE = 0.25;
    /** Below this many implied samples a missing sample says nothing (a 1.2 ms decision may fall between two samples). */
    static final double MIN_IMPLIED_SAMPLES = 4;
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    private static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    private static final String INTERVAL_SETTING = "interval";
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double MICROS_PER_MILLI = 1e3;
    private static final double MILLIS_PER_SECOND = 1e3;

    /**
     * Work charged over the threshold: a decision or a reference unit ({@code kind}), which camera's and when in the run
     * (as the trace names it), its thread, its wall-clock window (epoch ms), the CPU time it was charged (ms), and the method
     * its samples have on the stack.
     */
    public record Charged(String kind, String policy, int streams, int round, int camera, long frame, long threadId, double fromMillis,
                          double toMillis, double cpuMillis, String method) {

        double wallMillis() {
            return toMillis - fromMillis - 2 * PAD_MILLIS;
        }
    }

    /** One profiler sample: the thread, when (epoch ms) and the methods on its stack ({@code Class.method}). */
    record Sample(long threadId, double epochMillis, List<String> methods) {
    }

    /** What a recording holds for the check: the samples of the threads asked for, and its sampling interval if it says (ms). */
    private record Recorded(List<Sample> samples, OptionalDouble intervalMillis) {
    }

    /** Charged work with the profiler's samples of it and the number its CPU time implies at the sampling interval. */
    public record Row(Charged work, int samples, double implied) {

        /** Its CPU time implies at least {@link #MIN_IMPLIED_SAMPLES}: few enough samples then say something. */
        boolean longEnoughToTell() {
            return implied >= MIN_IMPLIED_SAMPLES;
        }

        /** Long enough to tell and sampled at most {@link #UNDER_SAMPLED_SHARE} of what its CPU time implies. */
        boolean underSampled() {
            return longEnoughToTell() && samples <= UNDER_SAMPLED_SHARE * implied;
        }

        String verdict() {
            if (!longEnoughToTell()) {
                return "too short to tell";
            }
            return underSampled() ? "charged, not run" : "ran";
        }
    }

    /** Every charged piece of work of the trace over the threshold, checked; the sampling interval; the decisions traced. */
    public record Result(List<Row> rows, double intervalMillis, int decisions, double overMillis) {

        /** A Markdown table, one row per piece of work, and a line saying how many were sampled far less than charged. */
        public String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Decisions and reference units charged over %.1f ms of CPU time (of %d decisions traced), "
                    + "with the profiler's samples of their thread while they ran (one per %.2f ms of CPU time run):%n%n"
                    + "| work | policy | streams | round | camera | frame | CPU ms | wall ms | samples | implied by its CPU time | verdict |%n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|%n", overMillis, decisions, intervalMillis));
            for (Row r : rows) {
                Charged c = r.work();
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.1f | %.1f | %d | %.1f | %s |%n", c.kind(), c.policy(), c.streams(),
                        c.round(), c.camera(), c.frame(), c.cpuMillis(), c.wallMillis(), r.samples(), r.implied(), r.verdict()));
            }
            long telling = rows.stream().filter(Row::longEnoughToTell).count();
            long under = rows.stream().filter(Row::underSampled).count();
            b.append(String.format(Locale.ROOT, "%nOf the %d long enough to tell (%.0f samples implied or more), %d were sampled at most %.0f %% as often as their CPU time "
                    + "implies: charged for time their thread did not run.%n", telling, MIN_IMPLIED_SAMPLES, under, UNDER_SAMPLED_SHARE * 100));
            return b.toString();
        }
    }

    private ProfiledDecisions() {
    }

    /** Checks the trace's work charged over {@code overMillis} against the recording; the interval is the recording's unless given. */
    public static Result check(Path trace, Path recording, double overMillis, OptionalDouble intervalMillis) {
        List<JsonNode> decisions = read(trace);
        List<Charged> charged = charged(decisions, overMillis);
        Set<Long> threads = new HashSet<>();
        charged.forEach(c -> threads.add(c.threadId()));
        Recorded recorded = readRecording(recording, threads);
        double interval = intervalMillis.orElse(recorded.intervalMillis().orElse(Double.NaN));
        if (!(interval > 0)) {
            throw new IllegalArgumentException("The recording " + recording + " does not say its sampling interval (async-profiler's 'interval' setting): "
                    + "give it with --interval-ms");
        }
        List<Row> rows = charged.stream().map(c -> new Row(c, samplesOf(c, recorded.samples()), c.cpuMillis() / interval)).toList();
        return new Result(rows, interval, decisions.size(), overMillis);
    }

    /** The decisions and reference units of the traced decisions that were charged over {@code overMillis} of CPU time. */
    static List<Charged> charged(List<JsonNode> decisions, double overMillis) {
        List<Charged> out = new ArrayList<>();
        for (JsonNode d : decisions) {
            if (!d.has("thread_id") || !d.has("decided_epoch_ms")) {
                throw new IllegalArgumentException("The trace does not say which thread decided when (no thread_id / decided_epoch_ms): "
                        + "it was written by an earlier version; run bench roma-live --trace again");
            }
            double decided = d.get("decided_epoch_ms").asDouble();
            double cpu = d.get("decision_cpu_us").asDouble() / MICROS_PER_MILLI;
            if (cpu > overMillis) {
                out.add(of(d, "decision", decided - d.get("decision_us").asDouble() / MICROS_PER_MILLI, decided, cpu, DECISION_FRAME));
            }
            double reference = d.path("reference_cpu_us").asDouble(-1) / MICROS_PER_MILLI;
            if (reference > overMillis) {
                out.add(of(d, "reference", decided, decided + d.get("reference_us").asDouble() / MICROS_PER_MILLI, reference, REFERENCE_FRAME));
            }
        }
        return out;
    }

    /** The samples of the work's thread inside its window with its method on the stack. */
    static int samplesOf(Charged c, List<Sample> samples) {
        return (int) samples.stream().filter(s -> s.threadId() == c.threadId() && s.epochMillis() >= c.fromMillis() && s.epochMillis() <= c.toMillis()
                && s.methods().contains(c.method())).count();
    }

    private static Charged of(JsonNode d, String kind, double from, double to, double cpuMillis, String method) {
        return new Charged(kind, d.get("policy").asText(), d.get("streams").asInt(), d.get("round").asInt(), d.get("camera").asInt(), d.get("frame").asLong(),
                d.get("thread_id").asLong(), from - PAD_MILLIS, to + PAD_MILLIS, cpuMillis, method);
    }

    private static List<JsonNode> read(Path trace) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(trace)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(mapper.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trace " + trace, e);
        }
        return out;
    }

    /** Streams the recording: the execution samples of the given threads, and the sampling interval where it says it. */
    private static Recorded readRecording(Path recording, Set<Long> threads) {
        List<Sample> samples = new ArrayList<>();
        OptionalDouble interval = OptionalDouble.empty();
        try (RecordingFile in = new RecordingFile(recording)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                String type = e.getEventType().getName();
                if (EXECUTION_SAMPLE.equals(type)) {
                    RecordedThread t = e.getThread("sampledThread");
                    if (t != null && threads.contains(t.getJavaThreadId()) && e.getStackTrace() != null) {
                        samples.add(new Sample(t.getJavaThreadId(), epochMillis(e.getStartTime()), methods(e)));
                    }
                } else if (ACTIVE_SETTING.equals(type) && INTERVAL_SETTING.equals(e.getString("name")) && e.getString("value").matches("\\d+")) {
                    interval = OptionalDouble.of(Long.parseLong(e.getString("value")) / NANOS_PER_MILLI);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording " + recording, e);
        }
        return new Recorded(samples, interval);
    }

    private static List<String> methods(RecordedEvent e) {
        List<String> out = new ArrayList<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            RecordedMethod m = f.getMethod();
            if (m != null && m.getType() != null) {
                out.add(m.getType().getName() + "." + m.getName());
            }
        }
        return out;
    }

    private static double epochMillis(Instant t) {
        return t.getEpochSecond() * MILLIS_PER_SECOND + t.getNano() / NANOS_PER_MILLI;
    }
}
