package dev.dsverify.runner.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.Value;

/**
 * Java bodies of FiniteSetsExt's folds and extremes. The TLA+ definitions recurse once per element (a deep
 * TLC call stack and a new set per step); these loop. Each takes the elements in TLC's normalized order, the order
 * in which the definitions' CHOOSE picks them, so both give the same value even for an op that is not
 * commutative.
 */
public final class FiniteSetsExtOperators {
    private static final String MODULE = "FiniteSetsExt";

    private FiniteSetsExtOperators() {
    }

    /** op(x1, op(x2, ... op(xn, base))) for the elements x1 < x2 < ... < xn of set. */
    @TLAPlusOperator(identifier = "FoldSet", module = MODULE, warn = true)
    public static Value foldSet(Value op, Value base, Value set) {
        return foldRight("FoldSet", Args.operator("FoldSet", "first", op), base,
                Args.elements("FoldSet", "third", set));
    }

    @TLAPlusOperator(identifier = "ReduceSet", module = MODULE, warn = true)
    public static Value reduceSet(Value op, Value set, Value acc) {
        return foldRight("ReduceSet", Args.operator("ReduceSet", "first", op), acc,
                Args.elements("ReduceSet", "second", set));
    }

    @TLAPlusOperator(identifier = "Sum", module = MODULE, warn = true)
    public static Value sum(Value set) {
        long total = 0;
        for (Value v : Args.elements("Sum", "first", set)) {
            total += Args.integer("Sum", "first", v);
        }
        return IntValue.gen(inRange("Sum", total));
    }

    @TLAPlusOperator(identifier = "SumSet", module = MODULE, warn = true)
    public static Value sumSet(Value set) {
        return sum(set);
    }

    @TLAPlusOperator(identifier = "ProductSet", module = MODULE, warn = true)
    public static Value productSet(Value set) {
        return product(set);
    }

    @TLAPlusOperator(identifier = "Product", module = MODULE, warn = true)
    public static Value product(Value set) {
        int product = 1;
        for (Value v : Args.elements("Product", "first", set)) {
            try {
                product = Math.multiplyExact(product, Args.integer("Product", "first", v));
            } catch (ArithmeticException e) {
                throw Args.failure("Product: the result does not fit TLC's integers (-2^31..2^31-1)");
            }
        }
        return IntValue.gen(product);
    }

    @TLAPlusOperator(identifier = "Max", module = MODULE, warn = true)
    public static Value max(Value set) {
        return extreme("Max", set, 1);
    }

    @TLAPlusOperator(identifier = "Min", module = MODULE, warn = true)
    public static Value min(Value set) {
        return extreme("Min", set, -1);
    }

    /** The number of elements of S satisfying P, without building the set of them. */
    @TLAPlusOperator(identifier = "Quantify", module = MODULE, warn = true)
    public static Value quantify(Value set, Value predicate) {
        Applicable p = Args.operator("Quantify", "second", predicate);
        int count = 0;
        for (Value v : Args.elements("Quantify", "first", set)) {
            Value holds = Args.apply(p, v);
            if (!(holds instanceof BoolValue b)) {
                throw Args.wrong("Quantify", "second", "a predicate (a boolean for every element)", holds);
            }
            if (b.val) {
                count++;
            }
        }
        return IntValue.gen(count);
    }

    /**
     * The k-element subsets of S, built directly: the definition filters all 2^|S| subsets of S, which for a
     * set of 30 elements is a billion.
     */
    @TLAPlusOperator(identifier = "kSubset", module = MODULE, warn = true)
    public static Value kSubset(Value k, Value set) {
        int size = Args.integer("kSubset", "first", k);
        List<Value> elements = Args.elements("kSubset", "second", set);
        List<Value> subsets = new ArrayList<>();
        if (size >= 0 && size <= elements.size()) {
            combinations(elements, size, 0, new ArrayDeque<>(), subsets);
        }
        return new SetEnumValue(subsets.toArray(Value[]::new), false).normalize();
    }

    private static void combinations(List<Value> elements, int size, int from, Deque<Value> chosen,
                                     List<Value> out) {
        if (chosen.size() == size) {
            out.add(new SetEnumValue(chosen.toArray(Value[]::new), true));
            return;
        }
        for (int i = from; i <= elements.size() - (size - chosen.size()); i++) {
            chosen.addLast(elements.get(i));
            combinations(elements, size, i + 1, chosen, out);
            chosen.removeLast();
        }
    }

    static Value foldRight(String operator, Applicable op, Value base, List<Value> elements) {
        Value acc = base;
        for (int i = elements.size() - 1; i >= 0; i--) {
            acc = Args.apply(op, elements.get(i), acc);
        }
        return acc;
    }

    private static Value extreme(String operator, Value set, int sign) {
        List<Value> elements = Args.elements(operator, "first", set);
        if (elements.isEmpty()) {
            throw Args.failure(operator + " of the empty set is undefined");
        }
        int best = Args.integer(operator, "first", elements.get(0));
        for (Value v : elements) {
            int x = Args.integer(operator, "first", v);
            if (Integer.compare(x, best) * sign > 0) {
                best = x;
            }
        }
        return IntValue.gen(best);
    }

    private static int inRange(String operator, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw Args.failure(operator + ": the result does not fit TLC's integers (-2^31..2^31-1)");
        }
        return (int) value;
    }
}
