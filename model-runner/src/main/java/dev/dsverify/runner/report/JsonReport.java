package dev.dsverify.runner.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ResultJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes one JSON file per model (the full result, in the same format as {@code dsverify check --json}) and
 * an {@code index.json} listing every model with its outcome, expectation, verdict, statistics and file.
 * The schema is documented in model-runner/REPORTS.md.
 */
public final class JsonReport {
    /** Version of the index format; bumped on incompatible changes. */
    public static final int INDEX_SCHEMA = 1;
    public static final String INDEX_FILE = "index.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Function<ModelReport, String> resultEncoder;

    /** Model files in the format of {@link ResultJson}, the one {@code dsverify check --json} writes. */
    public JsonReport() {
        this(r -> ResultJson.toJsonString(r.result(), r.expected()));
    }

    /** @param resultEncoder turns one model's result into the JSON text of its file */
    public JsonReport(Function<ModelReport, String> resultEncoder) {
        this.resultEncoder = Objects.requireNonNull(resultEncoder, "resultEncoder");
    }

    /** Writes every model's file and then the index into {@code dir}; returns model name to file name. */
    public Map<String, String> write(Path dir, List<ModelReport> reports, Instant generatedAt) {
        Map<String, String> files = fileNames(reports);
        for (ModelReport r : reports) {
            AtomicFiles.writeString(dir.resolve(files.get(r.name())), resultEncoder.apply(r));
        }
        // The index goes last so that a reader that finds it finds every file it names.
        AtomicFiles.writeString(dir.resolve(INDEX_FILE), index(reports, files, generatedAt));
        return files;
    }

    /** File names derived from model names, made safe for every file system and unique. */
    static Map<String, String> fileNames(List<ModelReport> reports) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        taken.add(INDEX_FILE.toLowerCase(Locale.ROOT));
        for (ModelReport r : reports) {
            if (out.containsKey(r.name())) {
                throw new IllegalArgumentException("two results are named '" + r.name() + "'");
            }
            String base = r.name().replaceAll("[^A-Za-z0-9._-]", "_");
            if (base.isEmpty() || base.startsWith(".")) {
                base = "model" + base;
            }
            String name = base + ".json";
            for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "-" + i + ".json";
            }
            out.put(r.name(), name);
        }
        return out;
    }

    static String index(List<ModelReport> reports, Map<String, String> files, Instant generatedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", INDEX_SCHEMA);
        root.put("generatedAt", generatedAt.toString());
        long passed = reports.stream().filter(ModelReport::passed).count();
        root.put("total", reports.size());
        root.put("passed", passed);
        root.put("failed", reports.size() - passed);
        ArrayNode models = root.putArray("models");
        for (ModelReport r : reports) {
            ModelCheckResult res = r.result();
            ObjectNode m = models.addObject();
            m.put("name", r.name());
            m.put("outcome", res.outcome().jsonName());
            m.put("violated", res.violated());
            ObjectNode expected = m.putObject("expected");
            expected.put("outcome", r.expected().outcome().jsonName());
            expected.put("violated", r.expected().violated());
            m.put("asExpected", r.passed());
            m.put("summary", r.describe());
            m.set("stats", stats(r));
            m.put("traceLength", res.trace().size());
            m.put("warnings", res.warnings().size());
            m.put("file", files.get(r.name()));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stats object exactly as in a result file, so readers parse both the same way. */
    static JsonNode stats(ModelReport r) {
        return ResultJson.toJson(r.result(), r.expected()).get("stats");
    }
}
