package dev.dsverify.maven;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.catalog.Catalog;
import dev.dsverify.runner.catalog.CatalogEntry;
import dev.dsverify.runner.catalog.CatalogException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the goal's configuration into the list of checks to run. Sources, in order: a catalog file, models
 * listed in the POM, and every model found under the spec directory. A configured model with the same spec
 * and cfg as a discovered one refines it (its expectation and settings apply, it is checked once); the other
 * discovered models are still checked, so listing one model never silently drops the rest. Discovery is
 * turned off only explicitly ({@code <discover>false</discover>}); the models it would have found are then
 * returned as {@link Plan#unchecked()} so that the goal can name each one. Bad configuration is reported as a
 * {@link ConfigurationError} naming the model and field.
 */
final class CheckPlanner {
    private final Path basedir;
    private final Duration defaultTimeout;
    private final int defaultWorkers;

    CheckPlanner(Path basedir, Duration defaultTimeout, int defaultWorkers) {
        this.basedir = basedir;
        this.defaultTimeout = defaultTimeout;
        this.defaultWorkers = defaultWorkers;
    }

    /** A configuration mistake, with a message fit for the build log. */
    static final class ConfigurationError extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigurationError(String message) {
            super(message);
        }
    }

    /**
     * The checks to run, and the discovered models that will not be checked.
     *
     * @param checks    configured models first (catalog, then POM), then the discovered ones no configured model
     *                  refines
     * @param unchecked spec files of the models discovery found but that are not checked because discovery is
     *                  off and no configured model covers them; empty when discovery is on
     */
    record Plan(List<PlannedCheck> checks, List<Path> unchecked) {
        Plan {
            checks = List.copyOf(checks);
            unchecked = List.copyOf(unchecked);
        }
    }

    /** The checks to run with discovery on. */
    List<PlannedCheck> plan(File catalog, List<Model> models, File specDirectory) throws ConfigurationError {
        return plan(catalog, models, specDirectory, true, false, false).checks();
    }

    /**
     * @param discover              whether models found under {@code specDirectory} are checked too
     * @param translate             the goal's {@code <translate>}, for models that do not set their own
     * @param allowStaleTranslation the goal's {@code <allowStaleTranslation>}, likewise
     */
    Plan plan(File catalog, List<Model> models, File specDirectory, boolean discover, boolean translate,
              boolean allowStaleTranslation) throws ConfigurationError {
        List<PlannedCheck> out = new ArrayList<>();
        if (catalog != null) {
            for (PlannedCheck c : fromCatalog(resolve(catalog))) {
                out.add(new PlannedCheck(c.check().toBuilder()
                        .allowStaleTranslation(c.check().allowStaleTranslation() || allowStaleTranslation).build(),
                        c.expected(), c.tags()));
            }
        }
        if (models != null) {
            for (int i = 0; i < models.size(); i++) {
                out.add(fromPom(models.get(i), i + 1, translate, allowStaleTranslation));
            }
        }
        Set<List<Path>> configured = new HashSet<>();
        for (PlannedCheck c : out) {
            configured.add(List.of(key(c.check().spec()), key(c.check().config())));
        }
        List<Path> unchecked = new ArrayList<>();
        if (specDirectory != null) {
            Path root = resolve(specDirectory);
            for (Path[] pair : ModelDiscovery.find(root)) {
                if (configured.contains(List.of(key(pair[0]), key(pair[1])))) {
                    continue; // a configured model refines this one
                }
                if (!discover) {
                    unchecked.add(pair[0]);
                    continue;
                }
                ModelCheck.Builder b = builder(pair[0], pair[1], name(pair[1]), null, null, null)
                        .translate(translate).allowStaleTranslation(allowStaleTranslation);
                // A model in a subdirectory (say mutants/) may extend a module at the top of the spec directory.
                if (!pair[0].getParent().equals(root)) {
                    b.addLibrary(root);
                }
                out.add(new PlannedCheck(b.build(), Expectation.success(), List.of()));
            }
        }
        Set<String> names = new HashSet<>();
        for (PlannedCheck c : out) {
            if (!names.add(c.name())) {
                throw new ConfigurationError("two models are named '" + c.name()
                        + "': give one of them a <name> of its own (a discovered model is named after its cfg)");
            }
        }
        return new Plan(out, unchecked);
    }

    /** The checks whose tags include one of {@code tags} (comma-separated); all when {@code tags} is blank. */
    static List<PlannedCheck> filter(List<PlannedCheck> checks, String tags) {
        if (tags == null || tags.isBlank()) {
            return checks;
        }
        Set<String> wanted = Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        return checks.stream().filter(c -> c.tags().stream().anyMatch(wanted::contains)).toList();
    }

    private List<PlannedCheck> fromCatalog(Path file) throws ConfigurationError {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError("catalog file not found: " + file);
        }
        Catalog c;
        try {
            c = Catalog.load(file);
        } catch (CatalogException e) {
            throw new ConfigurationError("invalid catalog: " + e.getMessage());
        }
        List<PlannedCheck> out = new ArrayList<>();
        for (CatalogEntry e : c.entries()) {
            ModelCheck.Builder b = e.toBuilder();
            if (e.timeout() == null && defaultTimeout != null) {
                b.timeout(defaultTimeout);
            }
            if (e.workers() == null) {
                b.workers(defaultWorkers);
            }
            out.add(new PlannedCheck(b.build(), e.expect(), e.tags()));
        }
        return out;
    }

    /** A path as the same file is always spelled, to match configured models with discovered ones. */
    private static Path key(Path p) {
        if (p == null) {
            return Path.of("");
        }
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    private PlannedCheck fromPom(Model m, int index, boolean translate, boolean allowStaleTranslation)
            throws ConfigurationError {
        String where = "<models> entry " + index + (m.name == null ? "" : " (" + m.name + ")");
        if (m.spec == null) {
            throw new ConfigurationError(where + ": <spec> is required");
        }
        Path spec = resolve(m.spec);
        if (!Files.isRegularFile(spec)) {
            throw new ConfigurationError(where + ": <spec> file not found: " + spec);
        }
        Path cfg = m.cfg == null ? spec.resolveSibling(stripExtension(spec) + ".cfg") : resolve(m.cfg);
        if (!Files.isRegularFile(cfg)) {
            throw new ConfigurationError(where + ": " + (m.cfg == null ? "no <cfg> given and default " : "<cfg> ")
                    + "file not found: " + cfg);
        }
        Outcome outcome;
        try {
            outcome = m.expect == null || m.expect.isBlank() ? Outcome.SUCCESS : Outcome.fromJsonName(m.expect.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(where + ": <expect> '" + m.expect + "' is not one of "
                    + Arrays.stream(Outcome.values()).map(Outcome::jsonName).collect(Collectors.joining(", ")));
        }
        if (m.violated != null && !outcome.isViolation()) {
            throw new ConfigurationError(where + ": <violated> is given but <expect> is " + outcome.jsonName());
        }
        Duration timeout = defaultTimeout;
        if (m.timeout != null && !m.timeout.isBlank()) {
            timeout = parseTimeout(m.timeout, where + ": <timeout>");
        }
        if (m.workers != null && m.workers < 1) {
            throw new ConfigurationError(where + ": <workers> must be at least 1, got " + m.workers);
        }
        List<Path> library = new ArrayList<>();
        if (m.library != null) {
            for (File dir : m.library) {
                if (dir == null || dir.getPath().isBlank()) {
                    throw new ConfigurationError(where + ": <library> has an empty entry");
                }
                Path p = resolve(dir);
                if (!Files.isDirectory(p)) {
                    throw new ConfigurationError(where + ": <library> directory not found: " + p);
                }
                library.add(p);
            }
        }
        String liveness = m.livenessCheck == null ? "periodic" : m.livenessCheck.trim();
        if (!liveness.equals("final") && !liveness.equals("periodic")) {
            throw new ConfigurationError(where + ": <livenessCheck> must be final or periodic, got '"
                    + m.livenessCheck + "'");
        }
        String name = m.name == null || m.name.isBlank() ? name(cfg) : m.name.trim();
        ModelCheck check = builder(spec, cfg, name, timeout, m.workers, m.checkDeadlock).libraryPath(library)
                .livenessAtEnd(liveness.equals("final"))
                .translate(m.translate == null ? translate : m.translate)
                .allowStaleTranslation(m.allowStaleTranslation == null ? allowStaleTranslation : m.allowStaleTranslation)
                .build();
        return new PlannedCheck(check, new Expectation(outcome, blankToNull(m.violated)),
                m.tags == null ? List.of() : m.tags);
    }

    private ModelCheck.Builder builder(Path spec, Path cfg, String name, Duration timeout, Integer workers,
                                       Boolean checkDeadlock) {
        ModelCheck.Builder b = ModelCheck.builder(spec).config(cfg).name(name)
                .workers(workers == null ? defaultWorkers : workers);
        Duration t = timeout == null ? defaultTimeout : timeout;
        if (t != null) {
            b.timeout(t);
        }
        if (checkDeadlock != null) {
            b.checkDeadlock(checkDeadlock);
        }
        return b;
    }

    /** ISO-8601 like the catalog's timeouts ({@code PT5M}); plain seconds are accepted too. */
    static Duration parseTimeout(String text, String where) throws ConfigurationError {
        String t = text.trim();
        Duration d;
        try {
            d = t.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationError(where + " '" + text + "' is not a duration such as PT5M or 300 (seconds)");
        }
        if (d.isZero() || d.isNegative()) {
            throw new ConfigurationError(where + " must be positive, got '" + text + "'");
        }
        return d;
    }

    private Path resolve(File f) {
        Path p = f.toPath();
        return (p.isAbsolute() ? p : basedir.resolve(p)).normalize();
    }

    private static String name(Path cfg) {
        return stripExtension(cfg);
    }

    private static String stripExtension(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
