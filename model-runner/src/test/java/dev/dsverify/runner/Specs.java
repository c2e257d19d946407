package dev.dsverify.runner;

import java.nio.file.Path;

/** The test specs under src/test/resources/specs. */
final class Specs {
    static final Path DIR = Path.of("src/test/resources/specs").toAbsolutePath();
    static final ModelChecker CHECKER = new ModelChecker();

    private Specs() {
    }

    static Path tla(String module) {
        return DIR.resolve(module + ".tla");
    }

    static Path cfg(String name) {
        return DIR.resolve(name + ".cfg");
    }

    static ModelCheck.Builder check(String module, String cfg) {
        return ModelCheck.builder(tla(module)).config(cfg(cfg));
    }
}
