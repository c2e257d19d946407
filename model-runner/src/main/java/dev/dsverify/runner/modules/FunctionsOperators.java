package dev.dsverify.runner.modules;

import java.util.ArrayList;
import java.util.List;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.Value;

/**
 * Java bodies of Functions' folds. Functions reaches MapThenFoldSet through a LOCAL INSTANCE of Folds, and TLC
 * applies an override only to the module that declares the operator, not to an instance of it: without these
 * the folds would recurse in TLA+ once per element.
 */
public final class FunctionsOperators {
    private static final String MODULE = "Functions";

    private FunctionsOperators() {
    }

    /** op(fun[d1], op(fun[d2], ... op(fun[dn], base))) over the domain in TLC's normalized order. */
    @TLAPlusOperator(identifier = "FoldFunction", module = MODULE, warn = true)
    public static Value foldFunction(Value op, Value base, Value fun) {
        Applicable f = Args.function("FoldFunction", "third", fun);
        return foldOver("FoldFunction", Args.operator("FoldFunction", "first", op), base, f,
                Args.elements("FoldFunction", "third", f.getDomain()));
    }

    @TLAPlusOperator(identifier = "FoldFunctionOnSet", module = MODULE, warn = true)
    public static Value foldFunctionOnSet(Value op, Value base, Value fun, Value indices) {
        Applicable f = Args.function("FoldFunctionOnSet", "third", fun);
        return foldOver("FoldFunctionOnSet", Args.operator("FoldFunctionOnSet", "first", op), base, f,
                Args.elements("FoldFunctionOnSet", "fourth", indices));
    }

    private static Value foldOver(String operator, Applicable op, Value base, Applicable fun, List<Value> domain) {
        List<Value> values = new ArrayList<>(domain.size());
        for (Value d : domain) {
            values.add(fun.select(d));
        }
        return FiniteSetsExtOperators.foldRight(operator, op, base, values);
    }
}
