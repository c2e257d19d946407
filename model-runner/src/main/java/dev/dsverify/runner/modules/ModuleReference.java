package dev.dsverify.runner.modules;

import java.nio.file.Path;

/**
 * A place where a module names another: {@code EXTENDS Name} or {@code INSTANCE Name}.
 *
 * @param module  the module named
 * @param keyword {@code EXTENDS} or {@code INSTANCE}
 * @param file    the file that names it
 * @param line    1-based line of the name
 * @param column  1-based column of the name
 */
public record ModuleReference(String module, String keyword, Path file, int line, int column) {
}
