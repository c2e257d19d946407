package tlc2.overrides;

import dev.dsverify.runner.overrides.OperatorLibrary;
import java.util.LinkedHashSet;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * TLC looks up exactly this class name to find Java implementations of TLA+ operators, and there can be only one
 * on a classpath. It returns the operator classes of every {@link OperatorLibrary} registered as a service, so
 * each module of the project contributes its own without knowing the others.
 */
public final class TLCOverrides implements ITLCOverrides {
    @Override
    @SuppressWarnings("rawtypes")
    public Class[] get() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (OperatorLibrary library : ServiceLoader.load(OperatorLibrary.class, TLCOverrides.class.getClassLoader())) {
            classes.addAll(java.util.List.of(library.operatorClasses()));
        }
        return classes.toArray(new Class[0]);
    }
}
