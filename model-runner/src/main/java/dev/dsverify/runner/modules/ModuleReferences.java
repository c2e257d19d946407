package dev.dsverify.runner.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code EXTENDS} and {@code INSTANCE} clauses of TLA+ files without SANY: to say which line of the
 * user's spec wants a module TLC could not find, and which shipped modules a spec uses (so that only their Java
 * operators are handed to TLC). A lexical scan: comments and strings are blanked first, so a module name in a
 * comment does not count.
 */
public final class ModuleReferences {
    private static final Pattern EXTENDS = Pattern.compile(
            "\\bEXTENDS\\b((?:\\s*[A-Za-z0-9_]+\\s*,)*\\s*[A-Za-z0-9_]+)");
    private static final Pattern INSTANCE = Pattern.compile("\\bINSTANCE\\s+([A-Za-z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private ModuleReferences() {
    }

    /** The modules {@code file} extends or instantiates, in the order they appear. */
    public static List<ModuleReference> in(Path file) throws IOException {
        return in(file, Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    static List<ModuleReference> in(Path file, String text) {
        String code = blankComments(text);
        List<ModuleReference> refs = new ArrayList<>();
        Matcher e = EXTENDS.matcher(code);
        while (e.find()) {
            Matcher n = NAME.matcher(e.group(1));
            while (n.find()) {
                refs.add(reference(n.group(), "EXTENDS", file, code, e.start(1) + n.start()));
            }
        }
        Matcher i = INSTANCE.matcher(code);
        while (i.find()) {
            refs.add(reference(i.group(1), "INSTANCE", file, code, i.start(1)));
        }
        refs.sort(java.util.Comparator.comparingInt(ModuleReference::line).thenComparingInt(ModuleReference::column));
        return refs;
    }

    /** The first place in {@code module}'s file (looked up in {@code dirs}) that names {@code wanted}. */
    public static Optional<ModuleReference> wanting(String wanted, String module, List<Path> dirs) {
        Optional<Path> file = find(module, dirs);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return in(file.get()).stream().filter(r -> r.module().equals(wanted)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Every module reachable from {@code spec} through EXTENDS and INSTANCE, looking modules up in {@code dirs}
     * and then among the shipped modules. Modules found nowhere (TLC's standard modules, or missing ones) are
     * listed but not followed.
     */
    public static Set<String> reachable(Path spec, List<Path> dirs) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        String root = spec.getFileName().toString().replaceFirst("\\.tla$", "");
        List<Path> search = new ArrayList<>();
        search.add(spec.toAbsolutePath().getParent());
        search.addAll(dirs);
        seen.add(root);
        todo.add(root);
        while (!todo.isEmpty()) {
            String module = todo.poll();
            List<ModuleReference> refs;
            try {
                Optional<Path> file = find(module, search);
                if (file.isPresent()) {
                    refs = in(file.get());
                } else if (ShippedModules.NAMES.contains(module)) {
                    refs = in(Path.of(module + ".tla"), shippedText(module));
                } else {
                    continue;
                }
            } catch (IOException e) {
                continue;
            }
            for (ModuleReference r : refs) {
                if (seen.add(r.module())) {
                    todo.add(r.module());
                }
            }
        }
        return seen;
    }

    private static String shippedText(String module) throws IOException {
        try (InputStream in = ShippedModules.class.getResourceAsStream(module + ".tla")) {
            if (in == null) {
                throw new IOException("no shipped module " + module);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Optional<Path> find(String module, List<Path> dirs) {
        for (Path dir : dirs) {
            Path p = dir.resolve(module + ".tla");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static ModuleReference reference(String module, String keyword, Path file, String code, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset; k++) {
            if (code.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new ModuleReference(module, keyword, file, line, offset - lineStart + 1);
    }

    /** The text with comments ((* nested *) and \* to the end of the line) and strings replaced by spaces. */
    static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int depth = 0;
        boolean lineComment = false;
        boolean string = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '\n') {
                lineComment = false;
                string = false;
                continue;
            }
            if (lineComment) {
                out.setCharAt(i, ' ');
            } else if (depth > 0) {
                if (c == '*' && next == ')') {
                    depth--;
                    out.setCharAt(i++, ' ');
                    out.setCharAt(i, ' ');
                } else if (c == '(' && next == '*') {
                    depth++;
                    out.setCharAt(i++, ' ');
                    out.setCharAt(i, ' ');
                } else {
                    out.setCharAt(i, ' ');
                }
            } else if (string) {
                if (c == '\\' && next != '\n') {
                    out.setCharAt(i++, ' ');
                    out.setCharAt(i, ' ');
                } else {
                    string = c != '"';
                    out.setCharAt(i, ' ');
                }
            } else if (c == '(' && next == '*') {
                depth = 1;
                out.setCharAt(i++, ' ');
                out.setCharAt(i, ' ');
            } else if (c == '\\' && next == '*') {
                lineComment = true;
                out.setCharAt(i, ' ');
            } else if (c == '"') {
                string = true;
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
