package dev.dsverify.trace.tla;

import tlc2.value.impl.ModelValue;
import tlc2.value.impl.Value;

/**
 * The TLA+ value of JSON {@code null}: the model value {@code TraceNull}, which TraceValidation.tla names.
 *
 * <p>A model value because it must be comparable with anything a field may otherwise hold: TLC stops with an error
 * when a string is compared with a sequence or a record, but a model value equals only itself and may be compared
 * with every value. TLC compares model values by name, so the value made when a log is read equals the one TLC
 * makes when it evaluates {@code TraceNull}, whichever spec was loaded in between.
 */
public final class TraceNull {
    /** The model value's name, as TLA+ prints it. */
    public static final String NAME = "TraceNull";

    private static ModelValue last;

    private TraceNull() {
    }

    /**
     * The value, registered with TLC's table of model values. A model value made after TLC indexed the table (when
     * it read the cfg) is indexed again, so states holding it can be written to and read back from disk.
     */
    public static synchronized Value value() {
        ModelValue v = (ModelValue) ModelValue.make(NAME);
        if (v != last) {
            if (ModelValue.mvs == null || v.index >= ModelValue.mvs.length || ModelValue.mvs[v.index] != v) {
                ModelValue.setValues();
            }
            last = v;
        }
        return v;
    }
}
