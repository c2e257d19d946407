package dev.dsverify.runner.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.SearchMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list of models to check, read from {@code catalog.json} files.
 *
 * <pre>{@code
 * {"schema": 1,
 *  "include": ["raft/catalog.json"],
 *  "models": [{"name": "TwoPhase", "spec": "TwoPhase.tla", "config": "TwoPhase.cfg",
 *              "expect": {"outcome": "success"}, "tags": ["quick"]},
 *             {"name": "TwoPhase.broken", "spec": "mutants/MCBroken.tla", "config": "mutants/MCBroken.cfg",
 *              "library": ["."], "expect": {"outcome": "invariant_violation", "violated": "Consistent"}}]}
 * }</pre>
 *
 * <p>Paths are relative to the directory of the file that names them; included files have the same format.
 * A model's optional {@code library} lists directories where TLC also looks for the modules its spec extends
 * or instantiates (after the spec's own directory), so a model may live in a subdirectory of the spec it
 * checks. Loading is strict: an unknown field, a missing spec, cfg, library directory or included file, a
 * duplicate name or an include cycle is an error naming the file, line and field.
 */
public final class Catalog {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("schema", "include", "models", "description");
    private static final Set<String> MODEL_FIELDS = Set.of("name", "spec", "config", "expect", "tags", "timeout",
            "workers", "mode", "depth", "traces", "seed", "checkDeadlock", "library", "livenessCheck",
            "allowStaleTranslation", "fingerprint", "description");
    private static final Set<String> EXPECT_FIELDS = Set.of("outcome", "violated");

    private final Path file;
    private final List<CatalogEntry> entries;
    private final List<Path> files;

    private Catalog(Path file, List<CatalogEntry> entries, List<Path> files) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.files = List.copyOf(files);
    }

    /** Loads a catalog and everything it includes. */
    public static Catalog load(Path file) throws CatalogException {
        Path root = file.toAbsolutePath().normalize();
        List<CatalogEntry> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        loadInto(root, null, 0, null, new ArrayList<>(), entries, files);
        Map<String, CatalogEntry> byName = new HashMap<>();
        for (CatalogEntry e : entries) {
            CatalogEntry before = byName.putIfAbsent(e.name(), e);
            if (before != null) {
                throw new CatalogException(e.source(), e.line(), "name", "duplicate model name '" + e.name()
                        + "' (also at " + before.source() + ":" + before.line() + ")");
            }
        }
        return new Catalog(root, entries, files);
    }

    /** The root catalog file (absolute). */
    public Path file() {
        return file;
    }

    /** Every model, in file order with includes expanded where they are listed (before the file's models). */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The models with the given tag; all models when {@code tag} is null. */
    public List<CatalogEntry> entries(String tag) {
        return tag == null ? entries : entries.stream().filter(e -> e.hasTag(tag)).toList();
    }

    /** Every catalog file that was read, root first. */
    public List<Path> files() {
        return files;
    }

    private static void loadInto(Path file, Path includer, int includerLine, String includerField,
                                 List<Path> stack, List<CatalogEntry> entries, List<Path> files)
            throws CatalogException {
        if (stack.contains(file)) {
            throw new CatalogException(includer, includerLine, includerField, "include cycle: " + file
                    + " includes itself through " + stack);
        }
        if (!Files.isRegularFile(file)) {
            if (includer != null) {
                throw new CatalogException(includer, includerLine, includerField, "included catalog not found: "
                        + file);
            }
            throw new CatalogException(file, 0, null, "catalog file not found");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CatalogException(file, 0, null, "cannot read: " + e.getMessage());
        }
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = MAPPER.readTree(text);
            lines = lines(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogException(file, line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(file, 0, null, "cannot read: " + e.getMessage());
        }
        Fields f = new Fields(file, lines);
        if (root == null || !root.isObject()) {
            throw new CatalogException(file, 1, null, "a catalog must be a JSON object");
        }
        f.onlyKnown(root, "", TOP_FIELDS);
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isInt() || schema.intValue() != 1) {
            throw f.error("/schema", "schema", "must be 1");
        }
        stack.add(file);
        files.add(file);
        JsonNode include = root.get("include");
        if (include != null) {
            if (!include.isArray()) {
                throw f.error("/include", "include", "must be an array of paths");
            }
            for (int i = 0; i < include.size(); i++) {
                JsonNode inc = include.get(i);
                String ptr = "/include/" + i;
                if (!inc.isTextual() || inc.textValue().isBlank()) {
                    throw f.error(ptr, "include[" + i + "]", "must be a path");
                }
                Path target = file.resolveSibling(inc.textValue()).normalize();
                loadInto(target, file, f.line(ptr), "include[" + i + "]", stack, entries, files);
            }
        }
        JsonNode models = root.get("models");
        if (models != null) {
            if (!models.isArray()) {
                throw f.error("/models", "models", "must be an array");
            }
            for (int i = 0; i < models.size(); i++) {
                entries.add(entry(f, models.get(i), i));
            }
        }
        stack.remove(stack.size() - 1);
    }

    private static CatalogEntry entry(Fields f, JsonNode m, int i) throws CatalogException {
        String ptr = "/models/" + i;
        String at = "models[" + i + "]";
        if (!m.isObject()) {
            throw f.error(ptr, at, "must be an object");
        }
        f.onlyKnown(m, ptr, MODEL_FIELDS);
        String name = f.text(m, ptr, at, "name", true);
        Path spec = f.file(m, ptr, at, "spec", ".tla");
        Path config = f.file(m, ptr, at, "config", ".cfg");
        JsonNode expect = m.get("expect");
        if (expect == null || !expect.isObject()) {
            throw f.error(ptr, at + ".expect", "required: an object with \"outcome\" (and \"violated\")");
        }
        f.onlyKnown(expect, ptr + "/expect", EXPECT_FIELDS);
        String outcomeName = f.text(expect, ptr + "/expect", at + ".expect", "outcome", true);
        Outcome outcome;
        try {
            outcome = Outcome.fromJsonName(outcomeName);
        } catch (IllegalArgumentException e) {
            throw f.error(ptr + "/expect/outcome", at + ".expect.outcome", "unknown outcome '" + outcomeName
                    + "'; expected one of " + java.util.Arrays.stream(Outcome.values()).map(Outcome::jsonName).toList());
        }
        String violated = f.text(expect, ptr + "/expect", at + ".expect", "violated", false);
        List<String> tags = new ArrayList<>();
        JsonNode t = m.get("tags");
        if (t != null) {
            if (!t.isArray()) {
                throw f.error(ptr + "/tags", at + ".tags", "must be an array of strings");
            }
            for (int k = 0; k < t.size(); k++) {
                if (!t.get(k).isTextual()) {
                    throw f.error(ptr + "/tags/" + k, at + ".tags[" + k + "]", "must be a string");
                }
                tags.add(t.get(k).textValue());
            }
        }
        Duration timeout = null;
        String timeoutText = f.text(m, ptr, at, "timeout", false);
        if (timeoutText != null) {
            try {
                timeout = Duration.parse(timeoutText);
            } catch (DateTimeParseException e) {
                throw f.error(ptr + "/timeout", at + ".timeout", "not an ISO-8601 duration such as PT5M: '"
                        + timeoutText + "'");
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw f.error(ptr + "/timeout", at + ".timeout", "must be positive");
            }
        }
        Integer workers = f.integer(m, ptr, at, "workers", 1);
        String mode = f.text(m, ptr, at, "mode", false);
        Integer depth = f.integer(m, ptr, at, "depth", 1);
        Integer traces = f.integer(m, ptr, at, "traces", 0);
        Long seed = m.has("seed") ? f.longValue(m, ptr, at, "seed") : null;
        SearchMode searchMode;
        if (mode == null || mode.equals("bfs")) {
            for (String simOnly : List.of("depth", "traces", "seed")) {
                if (m.has(simOnly)) {
                    throw f.error(ptr + "/" + simOnly, at + "." + simOnly, "only allowed with \"mode\": \"simulate\"");
                }
            }
            searchMode = SearchMode.exhaustive();
        } else if (mode.equals("simulate")) {
            searchMode = SearchMode.simulation(depth == null ? 100 : depth, traces == null ? 0 : traces, seed);
        } else {
            throw f.error(ptr + "/mode", at + ".mode", "must be \"bfs\" or \"simulate\", not '" + mode + "'");
        }
        List<Path> library = new ArrayList<>();
        JsonNode lib = m.get("library");
        if (lib != null) {
            if (!lib.isArray()) {
                throw f.error(ptr + "/library", at + ".library", "must be an array of directory paths");
            }
            for (int k = 0; k < lib.size(); k++) {
                String p = ptr + "/library/" + k;
                String field = at + ".library[" + k + "]";
                JsonNode d = lib.get(k);
                if (!d.isTextual() || d.textValue().isBlank()) {
                    throw f.error(p, field, "must be a non-empty string (a directory path)");
                }
                Path dir = f.file.resolveSibling(d.textValue()).normalize();
                if (!Files.isDirectory(dir)) {
                    throw f.error(p, field, "directory not found: " + dir);
                }
                library.add(dir);
            }
        }
        Boolean checkDeadlock = null;
        JsonNode cd = m.get("checkDeadlock");
        if (cd != null) {
            if (!cd.isBoolean()) {
                throw f.error(ptr + "/checkDeadlock", at + ".checkDeadlock", "must be true or false");
            }
            checkDeadlock = cd.booleanValue();
        }
        JsonNode stale = m.get("allowStaleTranslation");
        if (stale != null && !stale.isBoolean()) {
            throw f.error(ptr + "/allowStaleTranslation", at + ".allowStaleTranslation", "must be true or false");
        }
        Integer fingerprint = f.integer(m, ptr, at, "fingerprint", 0);
        if (fingerprint != null && fingerprint > ModelCheck.MAX_FINGERPRINT) {
            throw f.error(ptr + "/fingerprint", at + ".fingerprint",
                    "must be between 0 and " + ModelCheck.MAX_FINGERPRINT + ", got " + fingerprint);
        }
        String liveness = f.text(m, ptr, at, "livenessCheck", false);
        if (liveness != null && !liveness.equals("final") && !liveness.equals("periodic")) {
            throw f.error(ptr + "/livenessCheck", at + ".livenessCheck",
                    "must be \"final\" or \"periodic\", got '" + liveness + "'");
        }
        return new CatalogEntry(name, spec, config, new Expectation(outcome, violated), tags, timeout, workers,
                searchMode, checkDeadlock, library, "final".equals(liveness), stale != null && stale.booleanValue(),
                fingerprint, f.file, f.line(ptr));
    }

    /** Field access with errors that name file, line and field. */
    private record Fields(Path file, Map<String, Integer> lines) {
        int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer l = lines.get(p);
                if (l != null) {
                    return l;
                }
                if (p.isEmpty()) {
                    return 0;
                }
            }
        }

        CatalogException error(String pointer, String field, String problem) {
            return new CatalogException(file, line(pointer), field, problem);
        }

        void onlyKnown(JsonNode object, String ptr, Set<String> known) throws CatalogException {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    String at = ptr.isEmpty() ? name : display(ptr) + "." + name;
                    throw error(ptr + "/" + name, at, "unknown field; known fields are " + known.stream().sorted().toList());
                }
            }
        }

        String text(JsonNode object, String ptr, String at, String field, boolean required) throws CatalogException {
            JsonNode v = object.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(ptr, at + "." + field, "required");
                }
                return null;
            }
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw error(ptr + "/" + field, at + "." + field, "must be a non-empty string");
            }
            return v.textValue();
        }

        Path file(JsonNode object, String ptr, String at, String field, String suffix) throws CatalogException {
            String s = text(object, ptr, at, field, true);
            if (!s.endsWith(suffix)) {
                throw error(ptr + "/" + field, at + "." + field, "must name a " + suffix + " file: '" + s + "'");
            }
            Path p = file.resolveSibling(s).normalize();
            if (!Files.isRegularFile(p)) {
                throw error(ptr + "/" + field, at + "." + field, "file not found: " + p);
            }
            return p;
        }

        Integer integer(JsonNode object, String ptr, String at, String field, int min) throws CatalogException {
            JsonNode v = object.get(field);
            if (v == null) {
                return null;
            }
            if (!v.isInt() || v.intValue() < min) {
                throw error(ptr + "/" + field, at + "." + field, "must be an integer >= " + min);
            }
            return v.intValue();
        }

        Long longValue(JsonNode object, String ptr, String at, String field) throws CatalogException {
            JsonNode v = object.get(field);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(ptr + "/" + field, at + "." + field, "must be an integer");
            }
            return v.longValue();
        }

        private static String display(String ptr) {
            return ptr.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        }
    }

    /** Maps each JSON pointer of the document to the line where its value starts. */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentLocation().getLineNr());
            }
        }
        return lines;
    }
}
