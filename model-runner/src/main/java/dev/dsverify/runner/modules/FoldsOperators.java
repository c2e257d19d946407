package dev.dsverify.runner.modules;

import java.util.ArrayList;
import java.util.List;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.Value;

/**
 * The Java body of Folds' MapThenFoldSet, on which FoldFunction, FoldFunctionOnSet, MapThenSumSet and FlattenSet
 * rest. The TLA+ definition recurses once per element, and TLC's stack gives out after a few hundred; this
 * loops, asking {@code choose} for the next element exactly as the definition does.
 */
public final class FoldsOperators {

    private FoldsOperators() {
    }

    /** op(f(x1), op(f(x2), ... op(f(xn), base))) with x1 = choose(S), x2 = choose(S \ {x1}), ... */
    @TLAPlusOperator(identifier = "MapThenFoldSet", module = "Folds", warn = true)
    public static Value mapThenFoldSet(Value op, Value base, Value f, Value choose, Value set) {
        Applicable combine = Args.operator("MapThenFoldSet", "first", op);
        Applicable map = Args.operator("MapThenFoldSet", "third", f);
        Applicable pick = Args.operator("MapThenFoldSet", "fourth", choose);
        List<Value> remaining = new ArrayList<>(Args.elements("MapThenFoldSet", "fifth", set));
        List<Value> order = new ArrayList<>(remaining.size());
        while (!remaining.isEmpty()) {
            // The remaining elements are kept in normalized order, so the set handed to choose is the one the
            // definition's S \ {x} would be.
            Value x = Args.apply(pick, new SetEnumValue(remaining.toArray(Value[]::new), true));
            int at = remaining.indexOf(x);
            if (at < 0) {
                throw Args.wrong("MapThenFoldSet", "fourth", "an operator choosing an element of the set it is given", x);
            }
            order.add(remaining.remove(at));
        }
        Value acc = base;
        for (int i = order.size() - 1; i >= 0; i--) {
            acc = Args.apply(combine, Args.apply(map, order.get(i)), acc);
        }
        return acc;
    }
}
