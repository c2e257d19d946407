package dev.dsverify.runner.spec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import tla2sany.semantic.ModuleNode;
import util.SimpleFilenameToStream;
import util.ToolIO;

/**
 * Reads a spec with SANY into its semantic tree. SANY keeps global state, so parses are serialised; it would
 * copy its standard modules into the JVM's temp directory, where nothing removes them, so they are copied into
 * a scratch directory the caller deletes and found there instead.
 */
public final class SpecParser {
    private static final Object SANY_LOCK = new Object();

    /** A parsed spec: its root module, every module it reads (standard ones too), and how files were found. */
    public record Parsed(ModuleNode root, List<ModuleNode> modules, SimpleFilenameToStream resolver) {
        /** The modules that are not TLC's standard modules. */
        public List<ModuleNode> userModules() {
            return modules.stream().filter(m -> !StandardModules.NAMES.contains(m.getName().toString())).toList();
        }
    }

    /** The spec does not parse; the message is SANY's, naming file, line and column. */
    public static final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    private SpecParser() {
    }

    public static Parsed parse(Path spec, List<Path> library, Path scratch) throws ParseException, IOException {
        Path standard = StandardModules.copyInto(scratch);
        String[] dirs = new String[library.size() + 2];
        dirs[0] = spec.toAbsolutePath().getParent().toString() + File.separator;
        for (int i = 0; i < library.size(); i++) {
            dirs[i + 1] = library.get(i).toAbsolutePath().toString() + File.separator;
        }
        dirs[dirs.length - 1] = standard.toString() + File.separator;
        SimpleFilenameToStream resolver = new SimpleFilenameToStream(dirs);
        synchronized (SANY_LOCK) {
            SpecObj obj = new SpecObj(spec.toAbsolutePath().toString(), resolver);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(text, true, StandardCharsets.UTF_8);
            PrintStream out = ToolIO.out;
            PrintStream err = ToolIO.err;
            ToolIO.out = capture;
            ToolIO.err = capture;
            int code;
            try {
                code = SANY.frontEndMain(obj, spec.toAbsolutePath().toString(), capture);
            } catch (Exception | LinkageError e) {
                throw new ParseException(spec + ": " + e.getMessage() + "\n" + text.toString(StandardCharsets.UTF_8));
            } finally {
                ToolIO.out = out;
                ToolIO.err = err;
            }
            String said = text.toString(StandardCharsets.UTF_8);
            // SANY exits 0 on semantic errors: its text says so (see tlc-facts).
            if (code != 0 || obj.getExternalModuleTable() == null
                    || obj.getExternalModuleTable().getRootModule() == null
                    || failed(obj.getInitErrors()) || failed(obj.getParseErrors())
                    || failed(obj.getSemanticErrors()) || said.contains("Semantic errors:")) {
                throw new ParseException(errorText(said, spec));
            }
            List<ModuleNode> modules = new ArrayList<>();
            for (ModuleNode m : obj.getExternalModuleTable().getModuleNodes()) {
                if (m != null) {
                    modules.add(m);
                }
            }
            return new Parsed(obj.getExternalModuleTable().getRootModule(), modules, resolver);
        }
    }

    private static boolean failed(tla2sany.semantic.Errors e) {
        return e != null && e.isFailure();
    }

    /** SANY's report without its progress lines. */
    private static String errorText(String said, Path spec) {
        StringBuilder sb = new StringBuilder();
        for (String line : said.split("\n")) {
            if (line.startsWith("Parsing file") || line.startsWith("Semantic processing") || line.isBlank()) {
                continue;
            }
            sb.append(line.stripTrailing()).append('\n');
        }
        String body = sb.toString().strip();
        return spec.getFileName() + " does not parse" + (body.isEmpty() ? "" : ":\n" + body);
    }
}
