package dev.dsverify.runner.tlc;

import dev.dsverify.runner.ActionCoverage;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.Progress;
import dev.dsverify.runner.SourcePosition;
import dev.dsverify.runner.SourceRange;
import dev.dsverify.runner.Stats;
import dev.dsverify.runner.TlcMessage;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.value.TlaValue;
import dev.dsverify.runner.modules.ModuleReference;
import dev.dsverify.runner.modules.ModuleReferences;
import dev.dsverify.runner.modules.ShippedModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tlc2.output.EC;

/**
 * Turns what a TLC process printed, and how it exited, into a {@link ModelCheckResult}.
 *
 * <p>The rule that matters most: a run is a {@link Outcome#SUCCESS} only when TLC said so (message 2193),
 * finished (2186), exited with 0, and left no state on the queue. A violation counts only when the exit code
 * agrees with it, or is 0 (TLC's {@code -continue} exits 0 after violations); anything else is a TLC failure.
 */
public final class ResultInterpreter {
    static final Pattern ACTION_HEADER = Pattern.compile(
            "^(\\d+): <(\\S+) line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\S+)>");
    private static final Pattern OTHER_HEADER = Pattern.compile("^(\\d+): <(.*)>");
    private static final Pattern VAR_LINE = Pattern.compile("^(?:/\\\\ )?([A-Za-z0-9_]+) = (.*)$", Pattern.DOTALL);
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state");
    private static final Pattern FINAL_STATS = Pattern.compile(
            "([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue");
    private static final Pattern SIM_STATS = Pattern.compile("The number of states generated: ([\\d,]+)");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)");
    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\S+) is violated");
    private static final Pattern ACTION_PROPERTY = Pattern.compile("Action property (\\S+) is violated");
    private static final Pattern RANGE_IN = Pattern.compile(
            "[Ll]ine (\\d+), col(?:umn)? (\\d+) to line (\\d+), col(?:umn)? (\\d+) (?:of module|in) (\\w+)");
    private static final Pattern COVERAGE = Pattern.compile(
            "^<(\\S+) line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\S+)"
                    + "(?: \\((\\d+) (\\d+) (\\d+) (\\d+)\\))?>: (\\d+):(\\d+)");
    private static final Pattern PARSING_FILE = Pattern.compile("^Parsing file (.+)$");
    private static final Pattern ENCOUNTERED = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern SEMANTIC = Pattern.compile(
            "^\\s*line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\w+)");
    private static final Pattern MODULE_NOT_FOUND = Pattern.compile(
            "Cannot find source file for module (\\w+) imported in module (\\w+)");
    private static final Pattern UNDEFINED_OP = Pattern.compile(
            "The (\\w+(?: \\w+)?) (\\S+) specified in the configuration file");

    private static final Pattern FINGERPRINT = Pattern.compile("\\bwith fp (\\d+)\\b");
    private static final Pattern SEED = Pattern.compile("\\bwith seed (-?\\d+)\\b");

    private static final Set<Integer> CONFIG_CODES = Set.of(2222, 2229, 2230, 2231, 2232, 2233, 5001, 5006);

    private ResultInterpreter() {
    }

    public static ModelCheckResult interpret(RunFacts f) {
        return outcome(f).withWarnings(TlcWarnings.collect(f.messages(), f.sanyLines()));
    }

    private static ModelCheckResult outcome(RunFacts f) {
        Stats stats = stats(f);
        List<TlcMessage> ms = f.messages();
        Trace trace = trace(ms);
        List<ActionCoverage> coverage = coverage(ms);
        int exit = f.exitCode();

        if (f.cancelled()) {
            return result(f, Outcome.CANCELLED, null, "cancelled; the TLC process was killed", null, stats, trace, coverage);
        }
        if (f.timedOut()) {
            return result(f, Outcome.TIMEOUT, null, "timed out after " + human(f.duration())
                    + "; the TLC process was killed" + queueNote(stats), null, stats, trace, coverage);
        }

        // A translation that no longer matches its algorithm means TLC checked something other than what the
        // user wrote: whatever TLC found, that is the result, unless the user said the translation may lag.
        TlcWarnings.StaleTranslation stale = TlcWarnings.staleTranslation(f.sanyLines());
        if (stale != null && !f.allowStaleTranslation()) {
            return result(f, Outcome.PARSE_ERROR, null, staleMessage(stale), translationPosition(f, stale.module()),
                    stats, Trace.EMPTY, List.of());
        }

        // Violations of the model, in the order TLC reports them; the first one decides.
        for (TlcMessage m : ms) {
            Violation v = violation(m, f);
            if (v == null) {
                continue;
            }
            if (exit == v.exitCode || exit == 0) {
                return result(f, v.outcome, v.name, v.message, v.position, stats, trace, coverage);
            }
            return result(f, Outcome.TLC_ERROR, null, "TLC exited with code " + exit + " after reporting: "
                    + v.message, null, stats, trace, coverage);
        }

        if (f.distributed() && has(ms, 2121)) {
            // Distributed TLC 2.18 prints an error trace without the message saying what was violated, and
            // exits 0; its trace does not start in an initial state. It is a failure, not a pass.
            return result(f, Outcome.TLC_ERROR, null, "TLC printed an error trace without saying what was "
                    + "violated (distributed TLC does this); run the model locally for the counterexample", null,
                    stats, trace, coverage);
        }
        if (exit == 150 || has(ms, 3002)) {
            return parseError(f, stats);
        }
        TlcMessage config = first(ms, CONFIG_CODES);
        if (exit == 151 || config != null) {
            String text = config != null ? oneParagraph(config.text()) : errorText(f);
            String name = null;
            if (config != null) {
                Matcher m = UNDEFINED_OP.matcher(config.text());
                if (m.find()) {
                    name = m.group(2);
                }
            }
            return result(f, Outcome.CONFIG_ERROR, name, text, null, stats, Trace.EMPTY, coverage);
        }
        // TLC 2.18 exits 255, not 75, when an expression fails to evaluate while computing successor states;
        // its "error occurred when TLC was evaluating the nested expressions" message (2103) says what it was.
        if (exit == 75 || exit == 76 || exit == 77 || (exit != 0 && has(ms, EC.TLC_NESTED_EXPRESSION))) {
            return result(f, Outcome.EVALUATION_ERROR, null, errorText(f), evaluationPosition(f), stats, trace,
                    coverage);
        }

        boolean finished = has(ms, 2186);
        if (exit == 0 && finished && !f.simulation() && has(ms, 2193)) {
            if (stats.statesLeftOnQueue() != 0) {
                String why = stats.statesLeftOnQueue() > 0
                        ? "TLC stopped with " + stats.statesLeftOnQueue() + " states left on the queue"
                        : "TLC reported no final statistics, so it cannot be told that every state was explored";
                return result(f, Outcome.INCOMPLETE, null, why, null, stats, trace, coverage);
            }
            return result(f, Outcome.SUCCESS, null, null, null, stats, trace, coverage);
        }
        if (exit == 0 && finished && f.simulation()) {
            return result(f, Outcome.INCOMPLETE, null, "simulation found no violation in "
                    + (stats.generatedStates() >= 0 ? stats.generatedStates() + " generated states" : "its traces")
                    + "; a simulation does not explore every state", null, stats, trace, coverage);
        }
        if (exit == 0 && finished && has(ms, 2199) && stats.statesLeftOnQueue() > 0) {
            return result(f, Outcome.INCOMPLETE, null, "TLC stopped with " + stats.statesLeftOnQueue()
                    + " states left on the queue", null, stats, trace, coverage);
        }
        String why = exit == 0 ? "TLC exited with code 0 without reporting that model checking completed"
                : "TLC exited with code " + exit;
        String detail = errorText(f);
        return result(f, Outcome.TLC_ERROR, null, detail == null ? why : why + ": " + detail, null, stats, trace,
                coverage);
    }

    private record Violation(Outcome outcome, String name, String message, SourcePosition position, int exitCode) {
    }

    private static Violation violation(TlcMessage m, RunFacts f) {
        String text = m.text();
        switch (m.code()) {
            case 2110, 2107 -> {
                Matcher x = INVARIANT.matcher(text);
                String name = x.find() ? x.group(1) : null;
                return new Violation(Outcome.INVARIANT_VIOLATION, name, oneParagraph(text), null, 12);
            }
            case 2112 -> {
                // TLC names an action property by the location of the action it found violated (for example
                // "line 37, col 21 to line 37, col 57 of module TCommit"), which may lie in an instantiated
                // module rather than where the property is defined. Name the property only when that is
                // unambiguous: a location is not a name, and the cfg lists exactly one property.
                Matcher x = ACTION_PROPERTY.matcher(text);
                String name = x.find() && !x.group(1).equals("line") ? x.group(1) : null;
                List<String> props = f.properties();
                if (name == null && props.size() == 1) {
                    name = props.get(0);
                }
                return new Violation(Outcome.PROPERTY_VIOLATION, name, oneParagraph(text), null, 13);
            }
            case 2116 -> {
                List<String> props = f.properties();
                String name = props.size() == 1 ? props.get(0) : null;
                String msg = props.size() > 1
                        ? "a temporal property was violated (TLC does not say which of " + String.join(", ", props) + ")"
                        : "temporal property " + name + " was violated";
                return new Violation(Outcome.PROPERTY_VIOLATION, name, msg, null, 13);
            }
            case 2114 -> {
                return new Violation(Outcome.DEADLOCK, null, "deadlock reached", null, 11);
            }
            case 2132 -> {
                return new Violation(Outcome.ASSERTION_FAILURE, null, oneParagraph(text), null, 14);
            }
            case 2104 -> {
                Matcher x = RANGE_IN.matcher(text);
                SourcePosition pos = x.find()
                        ? new SourcePosition(moduleFile(f, x.group(5)), Integer.parseInt(x.group(1)),
                        Integer.parseInt(x.group(2)))
                        : null;
                return new Violation(Outcome.ASSUMPTION_FAILURE, null, oneParagraph(text), pos, 10);
            }
            default -> {
                return null;
            }
        }
    }

    private static ModelCheckResult parseError(RunFacts f, Stats stats) {
        for (String line : f.sanyLines()) {
            Matcher m = MODULE_NOT_FOUND.matcher(line);
            if (m.find()) {
                return moduleNotFound(f, stats, m.group(1), m.group(2));
            }
        }
        String file = null;
        SourcePosition pos = null;
        StringBuilder msg = new StringBuilder();
        List<String> lines = f.sanyLines();
        for (int i = 0; i < lines.size() && pos == null; i++) {
            String line = lines.get(i);
            Matcher p = PARSING_FILE.matcher(line);
            if (p.find()) {
                file = p.group(1).strip();
                continue;
            }
            if (line.contains("***Parse Error***") || line.startsWith("Lexical error")) {
                int j = line.startsWith("Lexical error") ? i : i + 1;
                // Some parse errors (a precedence conflict) leave a blank line before their text.
                while (j < lines.size() && lines.get(j).isBlank()) {
                    j++;
                }
                for (; j < lines.size(); j++) {
                    String l = lines.get(j);
                    if (l.isBlank() || l.startsWith("Residual stack trace")) {
                        break;
                    }
                    Matcher e = ENCOUNTERED.matcher(l);
                    if (pos == null && e.find()) {
                        pos = new SourcePosition(file, Integer.parseInt(e.group(1)), Integer.parseInt(e.group(2)));
                    }
                    Matcher range = RANGE_IN.matcher(l);
                    if (pos == null && range.find()) {
                        pos = new SourcePosition(moduleFile(f, range.group(5)), Integer.parseInt(range.group(1)),
                                Integer.parseInt(range.group(2)));
                    }
                    append(msg, l.strip());
                }
                if (pos == null) {
                    pos = new SourcePosition(file, 0, 0);
                }
            }
            Matcher s = SEMANTIC.matcher(line);
            if (s.find()) {
                pos = new SourcePosition(moduleFile(f, s.group(5)), Integer.parseInt(s.group(1)),
                        Integer.parseInt(s.group(2)));
                for (int j = i + 1; j < lines.size(); j++) {
                    String l = lines.get(j);
                    if (!l.isBlank()) {
                        append(msg, l.strip());
                        break;
                    }
                }
            }
            if (line.startsWith("Cannot find source file") || line.contains("File does not exist")) {
                append(msg, line.strip());
                pos = new SourcePosition(file, 0, 0);
            }
        }
        if (msg.length() == 0) {
            String text = String.join("\n", lines).strip();
            append(msg, text.isEmpty() ? "parsing or semantic analysis failed" : oneParagraph(lastParagraph(text)));
        }
        return new ModelCheckResult(f.name(), Outcome.PARSE_ERROR, null, msg.toString(), pos, stats, List.of(),
                null, false, List.of(), f.exitCode(), List.of(), fingerprint(f), null);
    }

    private static String staleMessage(TlcWarnings.StaleTranslation stale) {
        String what = switch (stale.what()) {
            case "TLA+ translation" -> "the TLA+ translation of the PlusCal algorithm in module " + stale.module()
                    + " was edited by hand after it was generated";
            case "PlusCal algorithm" -> "the PlusCal algorithm in module " + stale.module()
                    + " has changed since its last translation";
            default -> "the PlusCal algorithm in module " + stale.module()
                    + " and its TLA+ translation have both changed since the last translation";
        };
        return "stale PlusCal translation: " + what + ", so TLC would check a translation that does not match"
                + " the algorithm. Translate it again (dsverify check --translate, the Maven goal's <translate>,"
                + " or pcal.trans " + stale.module() + ".tla), or allow a stale translation"
                + " (--allow-stale-translation, <allowStaleTranslation>)";
    }

    /** The BEGIN TRANSLATION line of a module, where the checksums SANY compared are. */
    private static SourcePosition translationPosition(RunFacts f, String module) {
        String file = moduleFile(f, module);
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf("BEGIN TRANSLATION");
                if (col >= 0) {
                    return new SourcePosition(file, i + 1, 1);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The module file is not where the run's directories say; name the module without a line.
        }
        return new SourcePosition(file, 0, 0);
    }

    /**
     * SANY names the missing module and the module that wants it; the message names the user's line instead
     * (file:line of the EXTENDS or INSTANCE), where TLC looked (without the run's temporary directories), and
     * how to add a directory.
     */
    private static ModelCheckResult moduleNotFound(RunFacts f, Stats stats, String missing, String wantedBy) {
        List<Path> dirs = new ArrayList<>();
        if (f.specDir() != null) {
            dirs.add(f.specDir());
        }
        dirs.addAll(f.libraryDirs());
        Optional<ModuleReference> ref = ModuleReferences.wanting(missing, wantedBy, dirs);
        StringBuilder msg = new StringBuilder("module ").append(missing).append(" not found");
        SourcePosition pos = null;
        if (ref.isPresent()) {
            ModuleReference r = ref.get();
            pos = new SourcePosition(r.file().toString(), r.line(), r.column());
            msg.append(": ").append(r.keyword()).append(' ').append(missing).append(" at ")
                    .append(r.file()).append(':').append(r.line());
        } else {
            msg.append(" (wanted by module ").append(wantedBy).append(')');
        }
        msg.append("; searched ");
        for (Path d : dirs) {
            msg.append(d).append(", ");
        }
        msg.append("the modules shipped with dsverify (").append(String.join(", ", ShippedModules.NAMES))
                .append(") and TLC's standard modules. Put ").append(missing)
                .append(".tla beside the spec, or add the directory that holds it to the library path")
                .append(" (dsverify check --library DIR; <library> in the Maven plugin)");
        return new ModelCheckResult(f.name(), Outcome.PARSE_ERROR, null, msg.toString(), pos, stats, List.of(),
                null, false, List.of(), f.exitCode());
    }

    private static SourcePosition evaluationPosition(RunFacts f) {
        for (TlcMessage m : f.messages()) {
            if (m.code() == 2103 || m.code() == 1000 || m.code() == 2154) {
                Matcher x = RANGE_IN.matcher(m.text());
                if (x.find()) {
                    return new SourcePosition(moduleFile(f, x.group(5)), Integer.parseInt(x.group(1)),
                            Integer.parseInt(x.group(2)));
                }
            }
        }
        return null;
    }

    /** The text of the error messages TLC printed (severity 1 or 2), or the unframed output. */
    private static String errorText(RunFacts f) {
        StringBuilder sb = new StringBuilder();
        for (TlcMessage m : f.messages()) {
            if ((m.severity() == 1 || m.severity() == 2) && m.code() != 2121 && m.code() != 2103
                    && m.code() != 2264) {
                append(sb, oneParagraph(m.text()));
            } else if (m.severity() == 0 && (m.code() == 2154 || CONFIG_CODES.contains(m.code()))) {
                append(sb, oneParagraph(m.text()));
            }
        }
        if (sb.length() == 0 && !f.otherLines().isEmpty()) {
            List<String> other = f.otherLines();
            append(sb, String.join(" ", other.subList(0, Math.min(3, other.size()))));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(s);
    }

    private static String oneParagraph(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String lastParagraph(String text) {
        String[] parts = text.split("\\n\\s*\\n");
        return parts[parts.length - 1];
    }

    /** The file TLC read a module from: the first of the spec's directory and the library path that has it. */
    private static String moduleFile(RunFacts f, String module) {
        List<Path> dirs = new java.util.ArrayList<>();
        if (f.specDir() != null) {
            dirs.add(f.specDir());
        }
        dirs.addAll(f.libraryDirs());
        for (Path dir : dirs) {
            Path p = dir.resolve(module + ".tla");
            if (Files.exists(p)) {
                return p.toString();
            }
        }
        return module;
    }

    private static boolean has(List<TlcMessage> ms, int code) {
        return ms.stream().anyMatch(m -> m.code() == code);
    }

    private static TlcMessage first(List<TlcMessage> ms, Set<Integer> codes) {
        return ms.stream().filter(m -> codes.contains(m.code())).findFirst().orElse(null);
    }

    private static Stats stats(RunFacts f) {
        long generated = -1;
        long distinct = -1;
        long queue = -1;
        long depth = -1;
        for (TlcMessage m : f.messages()) {
            if (m.code() == 2199) {
                Matcher x = FINAL_STATS.matcher(m.text());
                if (x.find()) {
                    generated = ProgressLine.number(x.group(1));
                    distinct = ProgressLine.number(x.group(2));
                    queue = ProgressLine.number(x.group(3));
                }
            } else if (m.code() == 2210) {
                Matcher x = SIM_STATS.matcher(m.text());
                if (x.find()) {
                    generated = ProgressLine.number(x.group(1));
                }
            } else if (m.code() == 2194) {
                Matcher x = DEPTH.matcher(m.text());
                if (x.find()) {
                    depth = Long.parseLong(x.group(1));
                }
            }
        }
        Progress p = f.lastProgress();
        if (p != null) {
            // A killed or simulated run never prints final statistics: the last progress report is the best
            // account of how far it got.
            if (generated < 0) {
                generated = p.generatedStates();
            }
            if (distinct < 0) {
                distinct = p.distinctStates();
            }
            if (queue < 0) {
                queue = p.queue();
            }
            if (depth < 0 && !f.simulation()) {
                depth = p.depth();
            }
        }
        double seconds = f.duration().toNanos() / 1e9;
        double perSecond = distinct > 0 && seconds > 0 ? distinct / seconds : 0;
        return new Stats(generated, distinct, depth, queue, f.duration(), perSecond);
    }

    private record Trace(List<TraceState> states, Integer loopsBackTo, boolean stuttering) {
        static final Trace EMPTY = new Trace(List.of(), null, false);
    }

    private static Trace trace(List<TlcMessage> ms) {
        List<TraceState> states = new ArrayList<>();
        Integer back = null;
        boolean stuttering = false;
        for (TlcMessage m : ms) {
            switch (m.code()) {
                case 2121, 2264 -> {
                    // A new counterexample starts; with -continue only the first one is kept.
                    if (!states.isEmpty()) {
                        return new Trace(states, back, stuttering);
                    }
                }
                case 2217 -> states.add(state(m.text()));
                case EC.TLC_INVARIANT_VIOLATED_INITIAL -> {
                    // The violating initial state is printed inside the message, after its first line, and
                    // no error trace follows: it is a counterexample of one state.
                    int nl = m.text().indexOf('\n');
                    if (states.isEmpty() && nl >= 0) {
                        states.add(state("1: <Initial predicate>" + m.text().substring(nl)));
                    }
                }
                case 2218 -> stuttering = true;
                case 2122 -> {
                    Matcher x = BACK_TO.matcher(m.text());
                    if (x.find()) {
                        int number = Integer.parseInt(x.group(1));
                        for (int i = 0; i < states.size(); i++) {
                            if (states.get(i).number() == number) {
                                back = i;
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Trace(states, back, stuttering);
    }

    static TraceState state(String text) {
        String[] lines = text.split("\n", -1);
        String header = lines.length > 0 ? lines[0] : "";
        int number = 0;
        String action = null;
        SourceRange location = null;
        Matcher a = ACTION_HEADER.matcher(header);
        Matcher o = OTHER_HEADER.matcher(header);
        if (a.find()) {
            number = Integer.parseInt(a.group(1));
            action = a.group(2);
            location = new SourceRange(a.group(7), Integer.parseInt(a.group(3)), Integer.parseInt(a.group(4)),
                    Integer.parseInt(a.group(5)), Integer.parseInt(a.group(6)));
        } else if (o.find()) {
            number = Integer.parseInt(o.group(1));
            action = o.group(2);
        }
        // A variable starts at column 0 ("/\ x = ..." or "x = ..." for a single variable); TLC indents the
        // continuation lines of long values.
        Map<String, String> texts = new LinkedHashMap<>();
        String current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            Matcher v = VAR_LINE.matcher(line);
            if (!line.startsWith(" ") && v.matches()) {
                current = v.group(1);
                texts.put(current, v.group(2));
            } else if (current != null && !line.isBlank()) {
                texts.put(current, texts.get(current) + "\n" + line);
            }
        }
        texts.replaceAll((k, v) -> v.strip());
        String body = text.indexOf('\n') < 0 ? "" : text.substring(text.indexOf('\n') + 1);
        Map<String, TlaValue> vars = ValueText.parseState(body, texts);
        return new TraceState(number, action, location, vars);
    }

    private static List<ActionCoverage> coverage(List<TlcMessage> ms) {
        List<ActionCoverage> out = new ArrayList<>();
        for (TlcMessage m : ms) {
            if (m.code() == 2201) {
                out.clear();
            } else if (m.code() == 2772 || m.code() == 2773) {
                Matcher x = COVERAGE.matcher(m.text().strip());
                if (x.find()) {
                    SourceRange where = x.group(7) != null
                            ? new SourceRange(x.group(6), Integer.parseInt(x.group(7)), Integer.parseInt(x.group(8)),
                            Integer.parseInt(x.group(9)), Integer.parseInt(x.group(10)))
                            : new SourceRange(x.group(6), Integer.parseInt(x.group(2)), Integer.parseInt(x.group(3)),
                            Integer.parseInt(x.group(4)), Integer.parseInt(x.group(5)));
                    out.add(new ActionCoverage(x.group(1), where, Long.parseLong(x.group(11)),
                            Long.parseLong(x.group(12))));
                }
            }
        }
        return out;
    }

    private static String queueNote(Stats s) {
        return s.distinctStates() >= 0 ? " (" + s.distinctStates() + " distinct states found so far)" : "";
    }

    private static String human(java.time.Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : (ms / 1000) + " s";
    }

    private static ModelCheckResult result(RunFacts f, Outcome outcome, String violated, String message,
                                           SourcePosition position, Stats stats, Trace trace,
                                           List<ActionCoverage> coverage) {
        return new ModelCheckResult(f.name(), outcome, violated, message, position, stats, trace.states(),
                trace.loopsBackTo(), trace.stuttering(), coverage, f.exitCode(), List.of(), fingerprint(f), seed(f));
    }

    /** The fingerprint function TLC says it used ("... Model-Checking with fp 7 and seed ..."). */
    static Integer fingerprint(RunFacts f) {
        for (TlcMessage m : f.messages()) {
            if (m.code() == EC.TLC_MODE_MC) {
                Matcher x = FINGERPRINT.matcher(m.text());
                if (x.find()) {
                    return Integer.valueOf(x.group(1));
                }
            }
        }
        return null;
    }

    /** The seed of a simulation as TLC reports it ("Running Random Simulation with seed ..."). */
    static Long seed(RunFacts f) {
        for (TlcMessage m : f.messages()) {
            if (m.code() == EC.TLC_MODE_SIMU) {
                Matcher x = SEED.matcher(m.text());
                if (x.find()) {
                    return Long.valueOf(x.group(1));
                }
            }
        }
        return null;
    }
}
