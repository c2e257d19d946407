package dev.dsverify.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the models of a spec directory by the convention TLA+ users already follow: a module {@code X.tla}
 * with a {@code X.cfg} beside it is a model (so {@code MCRaft.tla} with {@code MCRaft.cfg} is one, while the
 * {@code Raft.tla} it extends, having no cfg, is not). Subdirectories are searched too (their models get the
 * spec directory as library path, so {@code mutants/MCRaftBroken.tla} can extend {@code Raft.tla}); the result
 * is sorted by path so builds are repeatable.
 */
final class ModelDiscovery {
    private ModelDiscovery() {
    }

    /** Pairs of spec and cfg, sorted by spec path; empty when the directory does not exist. */
    static List<Path[]> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path[]> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".tla") && Files.isRegularFile(p))
                    .sorted()
                    .forEach(spec -> {
                        String file = spec.getFileName().toString();
                        Path cfg = spec.resolveSibling(file.substring(0, file.length() - 4) + ".cfg");
                        if (Files.isRegularFile(cfg)) {
                            out.add(new Path[] {spec, cfg});
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
