package dev.dsverify.runner.modules;

import dev.dsverify.runner.overrides.OperatorLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers the Java bodies of the shipped community modules' operators with TLC.
 *
 * <p>The runner sets {@value #MODULES} on the TLC JVM to the shipped modules that the spec reaches and that no
 * module of the user's shadows: only their classes are handed to TLC, so TLC neither warns about overrides of
 * modules the spec does not use nor replaces a user's own module of the same name. Without the property (TLC
 * started some other way, such as trace validation's TLC inside its own JVM) none is handed over: TLC 2.18,
 * given an override whose module the spec lacks, can lose definitions of the spec's own (a trace spec then
 * failed with "the identifier currentTerm is either undefined"). {@value #PURE_TLA} set to {@code true} leaves
 * them all out, so that the TLA+ definitions are evaluated instead (to compare both, or to rule out the Java
 * code as the cause of a surprise).
 */
public final class CommunityModulesLibrary implements OperatorLibrary {
    public static final String PURE_TLA = "dsverify.modules.pureTla";
    public static final String MODULES = "dsverify.modules.overridden";

    /** The shipped modules that have Java operators, and the classes holding them. */
    static final Map<String, Class<?>> OPERATORS = Map.of(
            "Folds", FoldsOperators.class,
            "Functions", FunctionsOperators.class,
            "FiniteSetsExt", FiniteSetsExtOperators.class,
            "SequencesExt", SequencesExtOperators.class);

    @Override
    public Class<?>[] operatorClasses() {
        if (Boolean.getBoolean(PURE_TLA)) {
            return new Class<?>[0];
        }
        String wanted = System.getProperty(MODULES);
        if (wanted == null) {
            return new Class<?>[0];
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String module : ShippedModules.NAMES) {
            Class<?> c = OPERATORS.get(module);
            if (c != null && Set.of(wanted.split(",")).contains(module)) {
                classes.add(c);
            }
        }
        return classes.toArray(new Class<?>[0]);
    }

    /** The value of {@value #MODULES} for a spec that reaches {@code reachable} and whose user modules shadow {@code shadowed}. */
    public static String property(Set<String> reachable, Set<String> shadowed) {
        List<String> modules = new ArrayList<>();
        for (String module : ShippedModules.NAMES) {
            if (OPERATORS.containsKey(module) && reachable.contains(module) && !shadowed.contains(module)) {
                modules.add(module);
            }
        }
        return String.join(",", modules);
    }
}
