package dev.dsverify.runner.catalog;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.SearchMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One model of a catalog: which spec and cfg to check, how, and what the outcome should be.
 *
 * @param name          unique across the whole catalog (with includes)
 * @param spec          absolute path of the root module
 * @param config        absolute path of the cfg file
 * @param expect        the expected outcome
 * @param tags          free-form tags such as {@code quick} or {@code slow}
 * @param timeout       wall-clock limit, or null for none
 * @param workers       TLC workers, or null for the default (1)
 * @param mode          exhaustive or simulation
 * @param checkDeadlock null for TLC's default (deadlock is an error)
 * @param library       absolute directories where TLC also looks for modules (see
 *                      {@link ModelCheck#libraryPath()}); empty when the spec's directory has them all
 * @param livenessAtEnd whether temporal properties are checked once at the end (catalog
 *                      {@code "livenessCheck": "final"}) rather than periodically
 * @param allowStaleTranslation check a PlusCal translation that no longer matches its algorithm (a warning)
 *                      instead of failing (catalog {@code "allowStaleTranslation": true})
 * @param fingerprint   TLC's fingerprint function (catalog {@code "fingerprint"}), or null for
 *                      {@link ModelCheck#DEFAULT_FINGERPRINT}
 * @param source        the catalog file that lists this entry
 * @param line          the line of the entry in that file
 */
public record CatalogEntry(String name, Path spec, Path config, Expectation expect, List<String> tags,
                           Duration timeout, Integer workers, SearchMode mode, Boolean checkDeadlock,
                           List<Path> library, boolean livenessAtEnd, boolean allowStaleTranslation,
                           Integer fingerprint, Path source, int line) {
    public CatalogEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(mode, "mode");
        tags = List.copyOf(tags);
        library = List.copyOf(library);
    }

    /** An entry where a stale PlusCal translation fails the check. */
    public CatalogEntry(String name, Path spec, Path config, Expectation expect, List<String> tags,
                        Duration timeout, Integer workers, SearchMode mode, Boolean checkDeadlock,
                        List<Path> library, boolean livenessAtEnd, Path source, int line) {
        this(name, spec, config, expect, tags, timeout, workers, mode, checkDeadlock, library, livenessAtEnd, false,
                null, source, line);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** The check this entry describes. */
    public ModelCheck toModelCheck() {
        return toBuilder().build();
    }

    /** A builder preset from this entry, to add settings such as a progress-friendly heap. */
    public ModelCheck.Builder toBuilder() {
        ModelCheck.Builder b = ModelCheck.builder(spec).name(name).config(config).mode(mode).timeout(timeout)
                .libraryPath(library).livenessAtEnd(livenessAtEnd).allowStaleTranslation(allowStaleTranslation)
                .fingerprint(fingerprint);
        if (workers != null) {
            b.workers(workers);
        }
        if (checkDeadlock != null) {
            b.checkDeadlock(checkDeadlock);
        }
        return b;
    }
}
