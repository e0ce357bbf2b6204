package io.edgescope.config;

import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.variants.Variant;
import io.edgescope.roma.RomaSettings;
import io.edgescope.topology.VariantRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * All EdgeScope settings, validated at start. Every key is a constant with a doc and a default;
 * {@link #fromMap} reports every bad or unknown key at once. {@code docs/config.md} lists the same keys.
 */
public record EdgeScopeConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String applicationId,
        Path stateDir,
        Path dataDir,
        int brokerPort,
        int registryPort,
        int numStreamThreads,
        String processingGuarantee,
        int commitIntervalMs,
        int framePartitions,
        int maxFrameBytes,
        long maxDecodedPixels,
        float scoreThreshold,
        float nmsIou,
        String detectorVariant,
        String variantRules,
        int maxResidentVariants,
        int variantsBudgetMib,
        int configuredDetectorThreads,
        boolean detectorSpinning,
        int jpegQuality,
        RomaSettings roma,
        String romaCandidates,
        String romaProfile,
        int telemetryHttpPort,
        String telemetryHttpHost,
        long maxFrameAgeMs,
        double maxFps,
        String consoleToken,
        String consoleGroundTruth,
        double deviceLinkMbps,
        double deviceLinkRttMs,
        int deviceCommitIntervalMs,
        double deviceEmulatedSlowdown,
        Map<String, String> kafkaClientProperties,
        RegistryAccess registryAccess,
        Map<String, String> brokerProperties) {

    /** Keys with this prefix are passed, without it, to every Kafka client (e.g. kafka.security.protocol=SASL_SSL). */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Keys with this prefix are passed, without it, to the embedded broker's server properties (e.g. a SASL_SSL listener). */
    public static final String BROKER_PREFIX = "broker.";
    /**
     * Standard Kafka client security keys accepted without the {@code kafka.} prefix, so a plain
     * Kafka {@code client.properties} works as {@code --config}.
     */
    private static final List<String> CLIENT_SECURITY_PREFIXES = List.of("security.protocol", "sasl.", "ssl.");

    public EdgeScopeConfig {
        kafkaClientProperties = Map.copyOf(kafkaClientProperties);
        brokerProperties = Map.copyOf(brokerProperties);
    }

    private static final int MIB = 1024 * 1024;
    private static final int DEFAULT_BROKER_PORT = 9092;
    private static final int DEFAULT_REGISTRY_PORT = 8081;
    private static final int DEFAULT_TELEMETRY_PORT = 8083;
    private static final int DEFAULT_PARTITIONS = 4;
    /** Detection commits: every 200 ms rather than 100 gave 5 % more pipeline throughput (docs/benchmarks.md). */
    private static final int DEFAULT_COMMIT_MS = 200;
    /** The device side commits more often: each of its commits is when the edge may start on the activations. */
    private static final int DEFAULT_DEVICE_COMMIT_MS = 0;
    private static final int DEFAULT_RESIDENT_VARIANTS = 3;
    private static final int DEFAULT_VARIANTS_BUDGET_MB = 1024;
    private static final int DEFAULT_MAX_FRAME_BYTES = 4 * MIB;
    private static final long DEFAULT_MAX_PIXELS = 3840L * 2160L;
    private static final int DEFAULT_JPEG_QUALITY = 90;
    private static final int MAX_JPEG_QUALITY = 100;
    /** Twice the fastest common camera rate: a cap that only a misbehaving source reaches. */
    private static final double DEFAULT_MAX_FPS = 60.0;

    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.string("bootstrap.servers", "",
            "Kafka cluster to use (host:port,...). Empty: start a single-node KRaft broker in this process.");
    public static final ConfigKey<String> SCHEMA_REGISTRY_URL = ConfigKey.string("schema.registry.url", "",
            "Confluent-compatible schema registry URL. Empty: serve an embedded registry from this process.");
    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.string("application.id", "edgescope-detect",
            "Kafka Streams application id of the detection topology (also its consumer group).");
    public static final ConfigKey<String> STATE_DIR = ConfigKey.string("state.dir", ".edgescope/state",
            "Kafka Streams state directory.");
    public static final ConfigKey<String> DATA_DIR = ConfigKey.string("data.dir", ".edgescope",
            "Where the embedded broker keeps its data (kept across restarts).");
    public static final ConfigKey<Integer> BROKER_PORT = ConfigKey.port("broker.port", DEFAULT_BROKER_PORT,
            "Client port of the embedded broker (0: any free port).");
    public static final ConfigKey<Integer> REGISTRY_PORT = ConfigKey.port("registry.port", DEFAULT_REGISTRY_PORT,
            "HTTP port of the embedded schema registry (0: any free port).");
    public static final ConfigKey<Integer> NUM_STREAM_THREADS = ConfigKey.positiveInt("num.stream.threads", 1,
            "Kafka Streams threads running detection; each has its own predictor.");
    public static final ConfigKey<String> PROCESSING_GUARANTEE = ConfigKey.oneOf("processing.guarantee",
            "exactly_once_v2", "Kafka Streams processing guarantee of the detection topology.",
            "exactly_once_v2", "at_least_once");
    public static final ConfigKey<Integer> COMMIT_INTERVAL_MS = ConfigKey.positiveInt("commit.interval.ms", DEFAULT_COMMIT_MS,
            "How often detection commits (and, exactly-once, makes its output visible): lower is less latency, higher is less overhead.");
    public static final ConfigKey<Integer> FRAME_PARTITIONS = ConfigKey.positiveInt("frames.partitions", DEFAULT_PARTITIONS,
            "Partitions of the frames and detections topics when EdgeScope creates them (streams are keyed by id).");
    public static final ConfigKey<Integer> MAX_FRAME_BYTES = ConfigKey.positiveInt("max.frame.bytes", DEFAULT_MAX_FRAME_BYTES,
            "Largest encoded frame accepted; larger ones go to the dead-letter topic. Sizes topics and clients.");
    public static final ConfigKey<Long> MAX_DECODED_PIXELS = ConfigKey.positiveLong("max.decoded.pixels", DEFAULT_MAX_PIXELS,
            "Largest width x height decoded; larger declared sizes (decompression bombs) go to the dead-letter topic.");
    public static final ConfigKey<Float> SCORE_THRESHOLD = ConfigKey.fraction("detector.score.threshold", 0.3f,
            "Minimum detection score (objectness x class probability) published.");
    public static final ConfigKey<Float> NMS_IOU = ConfigKey.fraction("detector.nms.iou", 0.45f,
            "IoU above which class-wise NMS suppresses the lower-scoring box.");
    public static final ConfigKey<String> DETECTOR_VARIANT = new ConfigKey<>("detector.variant",
            "Detector variant (see edgescope variants): hog-480, fastestdet-352, or YOLOX-Nano at an input size derived from the shipped model on first use.",
            Variant.DEFAULT.id(), s -> {
                if (Variant.byId(s).isEmpty()) {
                    throw new IllegalArgumentException("unknown variant; one of " + Variant.ids());
                }
                return s;
            });
    public static final ConfigKey<String> VARIANT_RULES = new ConfigKey<>("variant.rules",
            "Default variants, first match wins, a stream's profile overrides: glob=variant on the stream id, topic:glob=variant on the frame topic, @header:glob=variant on a frame header; e.g. site-a-*=yolox-nano-320,@site:dock*=yolox-nano-640.",
            "", s -> {
                VariantRules.parse(s, id -> Variant.byId(id).isPresent());
                return s;
            });
    public static final ConfigKey<Integer> MAX_RESIDENT_VARIANTS = ConfigKey.positiveInt("variants.max.resident",
            DEFAULT_RESIDENT_VARIANTS, "Detector variants kept loaded at once; beyond it the least recently used is unloaded.");
    public static final ConfigKey<Integer> VARIANTS_BUDGET_MB = ConfigKey.positiveInt("variants.memory.budget.mb",
            DEFAULT_VARIANTS_BUDGET_MB, "Memory the loaded variants may use together (each estimated as RSS growth while it loaded); "
                    + "beyond it the least recently used is unloaded.");
    public static final ConfigKey<Integer> DETECTOR_THREADS = ConfigKey.positiveIntOrAuto("detector.threads",
            "ONNX Runtime intra-op threads per inference; auto: the cores shared by the stream threads (cores / num.stream.threads, at least 1), so concurrent inferences do not oversubscribe the cores.");
    public static final ConfigKey<Boolean> DETECTOR_SPINNING = ConfigKey.bool("detector.spinning", false,
            "Let idle ONNX Runtime threads busy-wait for work (whole detectors and the split head/tail alike): lower latency when the detector has the cores to itself; the waiting burns CPU that Kafka threads on the same cores need.");
    public static final ConfigKey<Integer> JPEG_QUALITY = ConfigKey.intRange("ingest.jpeg.quality", DEFAULT_JPEG_QUALITY,
            1, MAX_JPEG_QUALITY, "JPEG quality used when ingest re-encodes decoded video frames.");
    public static final ConfigKey<Integer> ROMA_RESELECT_FRAMES = ConfigKey.positiveInt("roma.reselect.frames",
            RomaSettings.DEFAULT.reselectEveryFrames(), "ROMA re-estimates a stream's variants after this many processed frames (also the least a variant runs unless latency jumps).");
    public static final ConfigKey<Float> ROMA_SWITCH_MARGIN = ConfigKey.fraction("roma.switch.margin",
            (float) RomaSettings.DEFAULT.switchMargin(), "ROMA switches only when the best variant's estimated real-time AP beats the running one's by this fraction (hysteresis).");
    public static final ConfigKey<Float> ROMA_LATENCY_TRIGGER = ConfigKey.fraction("roma.latency.trigger",
            (float) RomaSettings.DEFAULT.latencyTrigger(), "ROMA re-estimates at once when the running variant's latency moved by this fraction since its last decision.");
    public static final ConfigKey<Float> ROMA_SCENE_TRIGGER = ConfigKey.fraction("roma.scene.trigger",
            (float) RomaSettings.DEFAULT.sceneTrigger(), "ROMA re-estimates at once when the share of objects per size moved by this much (total variation distance) since its last decision.");
    public static final ConfigKey<Float> ROMA_HISTOGRAM_DECAY = ConfigKey.fraction("roma.histogram.decay",
            (float) RomaSettings.DEFAULT.histogramDecay(), "Weight ROMA's object-size histogram keeps per processed frame (0.9: about the last ten frames).");
    public static final ConfigKey<Float> ROMA_PRIOR_BETA = ConfigKey.fraction("roma.prior.beta",
            (float) RomaSettings.DEFAULT.priorBeta(), "Accuracy ROMA assumes a box loses per frame of age before it has measured the objects' motion.");
    public static final ConfigKey<Float> ROMA_MOTION_IOU = ConfigKey.fraction("roma.motion.iou",
            (float) RomaSettings.DEFAULT.iouThreshold(), "Overlap (as IoU) a stale box must keep with its object's moved box to still count as a hit; the default is what `bench roma` fits on the labelled sequences.");
    public static final ConfigKey<Float> ROMA_RETENTION_EXPONENT = ConfigKey.positiveFloat("roma.retention.exponent",
            (float) RomaSettings.DEFAULT.retentionExponent(), "AP ROMA expects to keep at a latency = (share of shown boxes still hitting their object) to this power; 2 if a stale miss cost recall and precision alike; the default is what `bench roma` fits on the labelled sequences.");
    public static final ConfigKey<Integer> ROMA_SPEED_HALF_LIFE = ConfigKey.intRange("roma.speed.halflife.frames",
            RomaSettings.DEFAULT.speedHalfLifeFrames(), 0, Integer.MAX_VALUE, "ROMA learns each variant's speed under load relative to the others when it runs; a learnt speed drifts back to the offline one with this half-life in processed frames of other variants (0: never), so a variant once measured slow is tried again.");
    public static final ConfigKey<Float> ROMA_LIGHTER_TOLERANCE = ConfigKey.fraction("roma.lighter.tolerance",
            (float) RomaSettings.DEFAULT.lighterTolerance(), "ROMA runs the lightest variant whose estimated real-time AP is within this fraction of the best estimate (closer estimates do not tell variants apart; the lighter one overruns less and leaves cores to other streams); 0: always the best estimate.");
    public static final ConfigKey<Float> ROMA_CONTENTION_SLOWDOWN = ConfigKey.nonNegativeFloat("roma.contention.slowdown",
            (float) RomaSettings.DEFAULT.contentionSlowdown(), "ROMA streams in one process share its cores: each judges a variant by the load it would add, its own latency and the other ROMA streams' real-time AP included; this is how much slower a detector runs beside another that is always busy (`bench roma-live` measures it on the host); 0: each stream chooses as if alone.");
    public static final ConfigKey<String> ROMA_CANDIDATES = new ConfigKey<>("roma.candidates",
            "Variants ROMA chooses among (comma-separated; each needs a row in the accuracy profile).",
            "yolox-nano-256,yolox-nano-320,yolox-nano-416,yolox-nano-512,yolox-nano-640", s -> {
                for (String id : s.split(",")) {
                    if (Variant.byId(id.strip()).isEmpty()) {
                        throw new IllegalArgumentException("unknown variant " + id.strip() + "; one of " + Variant.ids());
                    }
                }
                return s;
            });
    public static final ConfigKey<String> ROMA_PROFILE = ConfigKey.string("roma.profile", "",
            "ROMA's offline accuracy profile (JSON written by edgescope roma profile). Empty: the one measured on the labelled MOTChallenge sequences, shipped with EdgeScope.");
    public static final ConfigKey<Long> MAX_FRAME_AGE_MS = ConfigKey.nonNegativeLong("frames.max.age.ms", 0,
            "A REALTIME stream skips (and counts) a frame older than this when its turn comes; 0: older than 1.5 frame intervals, i.e. a newer frame is already waiting.");
    public static final ConfigKey<Integer> TELEMETRY_HTTP_PORT = ConfigKey.port("telemetry.http.port", DEFAULT_TELEMETRY_PORT,
            "HTTP port serving live telemetry (interactive queries: GET /telemetry/STREAM); 0: any free port.");
    public static final ConfigKey<String> TELEMETRY_HTTP_HOST = ConfigKey.string("telemetry.http.host", "localhost",
            "Host name other instances reach this one's telemetry port at (Kafka Streams application.server); queries for streams on another instance are forwarded there.");

    /** Every key, in documentation order. */
    public static final ConfigKey<Double> MAX_FPS = nonNegativeDouble("frames.max.fps", DEFAULT_MAX_FPS,
            "Per-stream frame-rate cap: a REALTIME stream skips (and counts, reason rate) frames captured faster than this; 0: no cap.");
    public static final ConfigKey<String> CONSOLE_TOKEN = ConfigKey.string("console.token", "",
            "Bearer token the web console's operator controls require (use ${file:...} or ${env:...}); empty: the console is read-only.");
    public static final ConfigKey<String> CONSOLE_GROUND_TRUTH = new ConfigKey<>("console.ground.truth",
            "Streams whose ground truth the console knows, stream=MOT_SEQUENCE_DIR[,...]: their detail page charts the measured real-time AP50 per window.",
            "", v -> {
                groundTruthDirs(v);
                return v;
            });
    public static final ConfigKey<Double> DEVICE_LINK_MBPS = nonNegativeDouble("device.link.mbps", 0,
            "Emulate the device's uplink on the device side of split streams: bandwidth in Mbit/s (0: no emulation, the real network).");
    public static final ConfigKey<Double> DEVICE_LINK_RTT_MS = nonNegativeDouble("device.link.rtt.ms", 0,
            "With device.link.mbps: the link's round-trip time added to every activation sent, in ms.");
    public static final ConfigKey<Double> DEVICE_EMULATED_SLOWDOWN = new ConfigKey<>("device.emulated.slowdown",
            "Emulate a device this many times slower than this host on the device side of split streams: its thread stays busy that much "
                    + "longer per frame (benchmarks; 1: off).", "1.0", v -> new io.edgescope.split.EmulatedDevice(Double.parseDouble(v)).slowdown());
    public static final ConfigKey<Integer> DEVICE_COMMIT_INTERVAL_MS = ConfigKey.intRange("device.commit.interval.ms", DEFAULT_DEVICE_COMMIT_MS, 0, Integer.MAX_VALUE,
            "How often the device side of split streams commits (exactly-once: when the edge sees its activations); 0: as soon as a batch of frames is done, so an idle device does not hold an activation back until its next commit (Kafka Streams would first wait out its poll). Higher: fewer commits, more latency.");
    public static final ConfigKey<String> REGISTRY_USER_INFO = ConfigKey.string("schema.registry.basic.auth.user.info", "",
            "Basic-auth credentials user:password clients send to the schema registry (use ${file:...} or ${env:...}).");
    public static final ConfigKey<String> REGISTRY_TRUSTSTORE = ConfigKey.string("schema.registry.ssl.truststore.location", "",
            "Trust store clients check an https schema registry's certificate against (empty: the JVM's default CAs).");
    public static final ConfigKey<String> REGISTRY_TRUSTSTORE_PASSWORD = ConfigKey.string("schema.registry.ssl.truststore.password", "",
            "Password of schema.registry.ssl.truststore.location.");
    public static final ConfigKey<String> REGISTRY_TRUSTSTORE_TYPE = ConfigKey.string("schema.registry.ssl.truststore.type", "PKCS12",
            "Type of schema.registry.ssl.truststore.location (PKCS12 or JKS).");
    public static final ConfigKey<String> REGISTRY_HOST = ConfigKey.string("registry.host", "localhost",
            "Address the embedded schema registry listens on. Loopback by default; any other address requires registry.users.");
    public static final ConfigKey<String> REGISTRY_USERS = new ConfigKey<>("registry.users",
            "Basic-auth users of the embedded schema registry, user:password[,user:password...] (empty: no auth, loopback only).", "",
            v -> {
                io.edgescope.registry.RegistryServerSecurity.parseUsers(v);
                return v;
            });
    public static final ConfigKey<String> REGISTRY_KEYSTORE = ConfigKey.string("registry.ssl.keystore.location", "",
            "Key store (server certificate and key) that makes the embedded schema registry serve https.");
    public static final ConfigKey<String> REGISTRY_KEYSTORE_PASSWORD = ConfigKey.string("registry.ssl.keystore.password", "",
            "Password of registry.ssl.keystore.location.");
    public static final ConfigKey<String> REGISTRY_KEYSTORE_TYPE = ConfigKey.string("registry.ssl.keystore.type", "PKCS12",
            "Type of registry.ssl.keystore.location (PKCS12 or JKS).");

    public static final List<ConfigKey<?>> KEYS = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID, STATE_DIR,
            DATA_DIR, BROKER_PORT, REGISTRY_PORT, NUM_STREAM_THREADS, PROCESSING_GUARANTEE, COMMIT_INTERVAL_MS, FRAME_PARTITIONS, MAX_FRAME_BYTES,
            MAX_DECODED_PIXELS, SCORE_THRESHOLD, NMS_IOU, DETECTOR_VARIANT, VARIANT_RULES, MAX_RESIDENT_VARIANTS, VARIANTS_BUDGET_MB, DETECTOR_THREADS, DETECTOR_SPINNING, JPEG_QUALITY,
            ROMA_RESELECT_FRAMES, ROMA_SWITCH_MARGIN, ROMA_LATENCY_TRIGGER, ROMA_SCENE_TRIGGER, ROMA_HISTOGRAM_DECAY, ROMA_PRIOR_BETA, ROMA_MOTION_IOU, ROMA_RETENTION_EXPONENT, ROMA_SPEED_HALF_LIFE, ROMA_LIGHTER_TOLERANCE, ROMA_CONTENTION_SLOWDOWN, ROMA_CANDIDATES, ROMA_PROFILE, TELEMETRY_HTTP_PORT,
            TELEMETRY_HTTP_HOST, MAX_FRAME_AGE_MS, MAX_FPS, CONSOLE_TOKEN, CONSOLE_GROUND_TRUTH, DEVICE_LINK_MBPS, DEVICE_LINK_RTT_MS, DEVICE_COMMIT_INTERVAL_MS, DEVICE_EMULATED_SLOWDOWN, REGISTRY_USER_INFO, REGISTRY_TRUSTSTORE, REGISTRY_TRUSTSTORE_PASSWORD, REGISTRY_TRUSTSTORE_TYPE,
            REGISTRY_HOST, REGISTRY_USERS, REGISTRY_KEYSTORE, REGISTRY_KEYSTORE_PASSWORD, REGISTRY_KEYSTORE_TYPE);

    /** Builds the config from {@code values} over the defaults; throws {@link ConfigException} listing every problem. */
    public static EdgeScopeConfig fromMap(Map<String, String> raw) {
        Map<String, String> values = SecretReferences.system().resolve(raw);
        Parser p = new Parser(values);
        EdgeScopeConfig config = new EdgeScopeConfig(
                p.get(BOOTSTRAP_SERVERS), p.get(SCHEMA_REGISTRY_URL), p.get(APPLICATION_ID),
                Path.of(p.get(STATE_DIR)), Path.of(p.get(DATA_DIR)), p.get(BROKER_PORT), p.get(REGISTRY_PORT),
                p.get(NUM_STREAM_THREADS), p.get(PROCESSING_GUARANTEE), p.get(COMMIT_INTERVAL_MS), p.get(FRAME_PARTITIONS), p.get(MAX_FRAME_BYTES),
                p.get(MAX_DECODED_PIXELS), p.get(SCORE_THRESHOLD), p.get(NMS_IOU), p.get(DETECTOR_VARIANT), p.get(VARIANT_RULES), p.get(MAX_RESIDENT_VARIANTS),
                p.get(VARIANTS_BUDGET_MB),
                p.get(DETECTOR_THREADS), p.get(DETECTOR_SPINNING),
                p.get(JPEG_QUALITY),
                romaSettings(p), p.get(ROMA_CANDIDATES), p.get(ROMA_PROFILE), p.get(TELEMETRY_HTTP_PORT), p.get(TELEMETRY_HTTP_HOST),
                p.get(MAX_FRAME_AGE_MS), p.get(MAX_FPS), p.get(CONSOLE_TOKEN), p.get(CONSOLE_GROUND_TRUTH), p.get(DEVICE_LINK_MBPS),
                p.get(DEVICE_LINK_RTT_MS), p.get(DEVICE_COMMIT_INTERVAL_MS), p.get(DEVICE_EMULATED_SLOWDOWN),
                kafkaProperties(values),
                new RegistryAccess(p.get(REGISTRY_USER_INFO), p.get(REGISTRY_TRUSTSTORE), p.get(REGISTRY_TRUSTSTORE_PASSWORD),
                        p.get(REGISTRY_TRUSTSTORE_TYPE), p.get(REGISTRY_HOST), p.get(REGISTRY_USERS), p.get(REGISTRY_KEYSTORE),
                        p.get(REGISTRY_KEYSTORE_PASSWORD), p.get(REGISTRY_KEYSTORE_TYPE)),
                prefixed(values, BROKER_PREFIX));
        p.finish();
        return config;
    }

    /** The {@code kafka.*} keys without their prefix, and the standard client security keys as they are. */
    private static Map<String, String> kafkaProperties(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (isClientSecurityKey(k)) {
                out.put(k, v);
            }
        });
        out.putAll(prefixed(values, KAFKA_PREFIX));
        return out;
    }

    private static boolean isClientSecurityKey(String key) {
        return CLIENT_SECURITY_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The keys starting with {@code prefix}, without it; EdgeScope's own keys (broker.port) are not passed on. */
    private static Map<String, String> prefixed(Map<String, String> values, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length() && KEYS.stream().noneMatch(key -> key.name().equals(k))) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static RomaSettings romaSettings(Parser p) {
        RomaSettings d = RomaSettings.DEFAULT;
        return new RomaSettings(p.get(ROMA_RESELECT_FRAMES), p.get(ROMA_SWITCH_MARGIN), p.get(ROMA_LATENCY_TRIGGER), p.get(ROMA_SCENE_TRIGGER),
                p.get(ROMA_HISTOGRAM_DECAY),
                d.latencyWindow(), d.motionSamples(), p.get(ROMA_PRIOR_BETA), p.get(ROMA_MOTION_IOU), p.get(ROMA_RETENTION_EXPONENT),
                p.get(ROMA_SPEED_HALF_LIFE), p.get(ROMA_LIGHTER_TOLERANCE), p.get(ROMA_CONTENTION_SLOWDOWN));
    }

    public static EdgeScopeConfig defaults() {
        return fromMap(Map.of());
    }

    /** A copy with some keys replaced, validated like {@link #fromMap}. */
    public EdgeScopeConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(toMap());
        merged.putAll(overrides);
        return fromMap(merged);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(BOOTSTRAP_SERVERS.name(), bootstrapServers);
        m.put(SCHEMA_REGISTRY_URL.name(), schemaRegistryUrl);
        m.put(APPLICATION_ID.name(), applicationId);
        m.put(STATE_DIR.name(), stateDir.toString());
        m.put(DATA_DIR.name(), dataDir.toString());
        m.put(BROKER_PORT.name(), Integer.toString(brokerPort));
        m.put(REGISTRY_PORT.name(), Integer.toString(registryPort));
        m.put(NUM_STREAM_THREADS.name(), Integer.toString(numStreamThreads));
        m.put(PROCESSING_GUARANTEE.name(), processingGuarantee);
        m.put(COMMIT_INTERVAL_MS.name(), Integer.toString(commitIntervalMs));
        m.put(FRAME_PARTITIONS.name(), Integer.toString(framePartitions));
        m.put(MAX_FRAME_BYTES.name(), Integer.toString(maxFrameBytes));
        m.put(MAX_DECODED_PIXELS.name(), Long.toString(maxDecodedPixels));
        m.put(SCORE_THRESHOLD.name(), Float.toString(scoreThreshold));
        m.put(NMS_IOU.name(), Float.toString(nmsIou));
        m.put(DETECTOR_VARIANT.name(), detectorVariant);
        m.put(VARIANT_RULES.name(), variantRules);
        m.put(MAX_RESIDENT_VARIANTS.name(), Integer.toString(maxResidentVariants));
        m.put(VARIANTS_BUDGET_MB.name(), Integer.toString(variantsBudgetMib));
        m.put(DETECTOR_THREADS.name(), ConfigKey.autoOr(configuredDetectorThreads));
        m.put(DETECTOR_SPINNING.name(), Boolean.toString(detectorSpinning));
        m.put(JPEG_QUALITY.name(), Integer.toString(jpegQuality));
        m.put(ROMA_RESELECT_FRAMES.name(), Integer.toString(roma.reselectEveryFrames()));
        m.put(ROMA_SWITCH_MARGIN.name(), Double.toString(roma.switchMargin()));
        m.put(ROMA_LATENCY_TRIGGER.name(), Double.toString(roma.latencyTrigger()));
        m.put(ROMA_SCENE_TRIGGER.name(), Double.toString(roma.sceneTrigger()));
        m.put(ROMA_HISTOGRAM_DECAY.name(), Double.toString(roma.histogramDecay()));
        m.put(ROMA_PRIOR_BETA.name(), Double.toString(roma.priorBeta()));
        m.put(ROMA_MOTION_IOU.name(), Double.toString(roma.iouThreshold()));
        m.put(ROMA_RETENTION_EXPONENT.name(), Double.toString(roma.retentionExponent()));
        m.put(ROMA_SPEED_HALF_LIFE.name(), Integer.toString(roma.speedHalfLifeFrames()));
        m.put(ROMA_LIGHTER_TOLERANCE.name(), Double.toString(roma.lighterTolerance()));
        m.put(ROMA_CONTENTION_SLOWDOWN.name(), Double.toString(roma.contentionSlowdown()));
        m.put(ROMA_CANDIDATES.name(), romaCandidates);
        m.put(ROMA_PROFILE.name(), romaProfile);
        m.put(TELEMETRY_HTTP_PORT.name(), Integer.toString(telemetryHttpPort));
        m.put(TELEMETRY_HTTP_HOST.name(), telemetryHttpHost);
        m.put(MAX_FRAME_AGE_MS.name(), Long.toString(maxFrameAgeMs));
        m.put(MAX_FPS.name(), Double.toString(maxFps));
        m.put(CONSOLE_TOKEN.name(), consoleToken);
        m.put(CONSOLE_GROUND_TRUTH.name(), consoleGroundTruth);
        m.put(DEVICE_LINK_MBPS.name(), Double.toString(deviceLinkMbps));
        m.put(DEVICE_LINK_RTT_MS.name(), Double.toString(deviceLinkRttMs));
        m.put(DEVICE_COMMIT_INTERVAL_MS.name(), Integer.toString(deviceCommitIntervalMs));
        m.put(DEVICE_EMULATED_SLOWDOWN.name(), Double.toString(deviceEmulatedSlowdown));
        m.put(REGISTRY_USER_INFO.name(), registryAccess.userInfo());
        m.put(REGISTRY_TRUSTSTORE.name(), registryAccess.trustStore());
        m.put(REGISTRY_TRUSTSTORE_PASSWORD.name(), registryAccess.trustStorePassword());
        m.put(REGISTRY_TRUSTSTORE_TYPE.name(), registryAccess.trustStoreType());
        m.put(REGISTRY_HOST.name(), registryAccess.host());
        m.put(REGISTRY_USERS.name(), registryAccess.users());
        m.put(REGISTRY_KEYSTORE.name(), registryAccess.keyStore());
        m.put(REGISTRY_KEYSTORE_PASSWORD.name(), registryAccess.keyStorePassword());
        m.put(REGISTRY_KEYSTORE_TYPE.name(), registryAccess.keyStoreType());
        kafkaClientProperties.forEach((k, v) -> m.put(KAFKA_PREFIX + k, v));
        brokerProperties.forEach((k, v) -> m.put(BROKER_PREFIX + k, v));
        return m;
    }

    /** Every setting, secrets hidden: safe to log. */
    @Override
    public String toString() {
        return "EdgeScopeConfig" + SecretReferences.redact(toMap());
    }

    private static ConfigKey<Double> nonNegativeDouble(String name, double defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Double.toString(defaultValue), v -> {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("must be 0 or a positive number");
            }
            return d;
        });
    }

    /** The ground-truth sequence folder per stream ({@code console.ground.truth}). */
    public Map<String, Path> groundTruth() {
        return groundTruthDirs(consoleGroundTruth);
    }

    private static Map<String, Path> groundTruthDirs(String spec) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("must be stream=SEQUENCE_DIR[,stream=SEQUENCE_DIR...]");
            }
            out.put(e.substring(0, eq).strip(), Path.of(e.substring(eq + 1).strip()));
        }
        return out;
    }

    /** How clients reach the configured schema registry (credentials, trust). */
    public io.edgescope.registry.RegistryClientSettings registryClient() {
        return registryAccess.client(schemaRegistryUrl);
    }

    /** The default-variant rules by stream id. */
    public VariantRules rules() {
        return VariantRules.parse(variantRules, id -> Variant.byId(id).isPresent());
    }

    public Variant variant() {
        return Variant.byId(detectorVariant).orElseThrow();
    }

    /**
     * ONNX Runtime threads per inference: as configured, or for {@code auto} the cores divided among the stream threads (each
     * runs one inference at a time), at least one.
     */
    public int detectorThreads() {
        return configuredDetectorThreads != ConfigKey.AUTO_VALUE ? configuredDetectorThreads
                : Math.max(1, Runtime.getRuntime().availableProcessors() / numStreamThreads);
    }

    /** How the detector runs, from the detector.* keys. */
    public DetectorSettings detectorSettings() {
        return new DetectorSettings(scoreThreshold, nmsIou, detectorThreads(), detectorSpinning);
    }

    /** What the topologies accept, and when a real-time frame is too old. */
    public io.edgescope.topology.FrameLimits frameLimits() {
        return new io.edgescope.topology.FrameLimits(maxFrameBytes, maxDecodedPixels, maxFrameAgeMs, maxFps);
    }

    /** ROMA's knobs, from the roma.* keys. */
    public RomaSettings romaSettings() {
        return roma;
    }

    /** The variants ROMA chooses among. */
    public List<String> romaCandidateIds() {
        return java.util.Arrays.stream(romaCandidates.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    public Optional<String> externalBootstrap() {
        return bootstrapServers.isBlank() ? Optional.empty() : Optional.of(bootstrapServers);
    }

    public Optional<String> externalRegistry() {
        return schemaRegistryUrl.isBlank() ? Optional.empty() : Optional.of(schemaRegistryUrl);
    }

    private static final class Parser {
        private final Map<String, String> values;
        private final List<String> errors = new ArrayList<>();

        Parser(Map<String, String> values) {
            this.values = values;
        }

        <T> T get(ConfigKey<T> key) {
            String raw = values.getOrDefault(key.name(), key.defaultValue());
            try {
                return key.parse(raw);
            } catch (IllegalArgumentException e) {
                errors.add(key.name() + "=" + (SecretReferences.isSecret(key.name()) ? "[hidden]" : raw) + ": " + e.getMessage());
                return key.parse(key.defaultValue());
            }
        }

        void finish() {
            TreeSet<String> unknown = new TreeSet<>(values.keySet());
            KEYS.forEach(k -> unknown.remove(k.name()));
            unknown.removeIf(k -> k.startsWith(KAFKA_PREFIX) || k.startsWith(BROKER_PREFIX) || isClientSecurityKey(k));
            unknown.forEach(k -> errors.add("unknown key " + k));
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
        }
    }
}
