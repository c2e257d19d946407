package tlc2.overrides;

import dev.dsverify.trace.tla.TraceLogOperators;

/**
 * TLC looks up exactly this class name to find Java implementations of TLA+ operators. It lists the classes
 * whose {@code @TLAPlusOperator} methods replace the stand-in bodies in TraceLog.tla.
 */
public final class TLCOverrides implements ITLCOverrides {
    @Override
    @SuppressWarnings("rawtypes")
    public Class[] get() {
        return new Class[] {TraceLogOperators.class};
    }
}
