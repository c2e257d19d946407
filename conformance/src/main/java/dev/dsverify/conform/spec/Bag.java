package dev.dsverify.conform.spec;

import tlc2.util.FP64;
import tlc2.value.impl.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bag of TLC values keyed by their fingerprints (TLC's own notion of equal values), so that two bags built
 * from different objects compare as the spec compares them.
 */
public final class Bag {
    private final Map<Long, Integer> counts = new LinkedHashMap<>();
    private final Map<Long, Value> values = new LinkedHashMap<>();

    public void add(Value v, int n) {
        long fp = v.fingerPrint(FP64.New());
        values.putIfAbsent(fp, v);
        counts.merge(fp, n, Integer::sum);
        if (counts.get(fp) == 0) {
            counts.remove(fp);
            values.remove(fp);
        }
    }

    public int count(Value v) {
        return counts.getOrDefault(v.fingerPrint(FP64.New()), 0);
    }

    /** Each element with its count (negative counts only in a {@link #minus difference}). */
    public Map<Value, Integer> entries() {
        Map<Value, Integer> out = new LinkedHashMap<>();
        counts.forEach((fp, n) -> out.put(values.get(fp), n));
        return out;
    }

    /** This bag minus {@code other}: positive counts are extra here, negative ones missing here. */
    public Bag minus(Bag other) {
        Bag d = new Bag();
        entries().forEach(d::add);
        other.entries().forEach((v, n) -> d.add(v, -n));
        return d;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The elements with a positive count, each as often as counted. */
    public List<Value> added() {
        List<Value> out = new ArrayList<>();
        entries().forEach((v, n) -> {
            for (int k = 0; k < n; k++) {
                out.add(v);
            }
        });
        return out;
    }

    /** The elements with a negative count, each as often as counted. */
    public List<Value> removed() {
        List<Value> out = new ArrayList<>();
        entries().forEach((v, n) -> {
            for (int k = 0; k < -n; k++) {
                out.add(v);
            }
        });
        return out;
    }
}
