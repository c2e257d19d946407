package dev.dsverify.runner.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded generator of arbitrary TLA+ values: the same seed always gives the same value, so a failing
 * property names the seed and the value can be rebuilt with {@code new RandomTlaValues(seed).next()}.
 * It aims at the awkward corners: every escape, surrogate pairs, numbers beyond 64 bits, keyword-like
 * field names, empty collections, intervals, functions keyed by collections.
 */
final class RandomTlaValues {
    private static final String[] NAMES = {"n1", "n2", "Nil", "a_b", "_x", "1a", "x9", "DOMAIN", "ELSE",
            "TRUEish", "leader", "Follower", "Z"};
    private static final String[] FIELD_NAMES = {"a", "b", "id", "TRUE", "FALSE", "ELSE", "DOMAIN", "1a", "_a",
            "term", "log", "x_y", "LET", "é", "WF_"};
    private static final String[] STRING_PIECES = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\f", "ü", "€",
            "😀", "\u0001", "<<", ">>", "{", "}", "[", "]", "(", ")", ":>", "@@", "|->", ",", "..", "/\\", "=", "'"};

    private final SplittableRandom random;

    RandomTlaValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A value at most 5 levels deep. */
    TlaValue next() {
        return value(random.nextInt(6));
    }

    private TlaValue value(int depth) {
        int kinds = depth == 0 ? 5 : 10;
        return switch (random.nextInt(kinds)) {
            case 0 -> integer();
            case 1 -> new TlaString(string());
            case 2 -> TlaBool.of(random.nextBoolean());
            case 3 -> new TlaModelValue(NAMES[random.nextInt(NAMES.length)]);
            case 4 -> interval();
            case 5 -> new TlaSeq(values(depth - 1));
            case 6, 7 -> new TlaSet(values(depth - 1));
            case 8 -> record(depth - 1);
            default -> function(depth - 1);
        };
    }

    private TlaInt integer() {
        return switch (random.nextInt(5)) {
            case 0 -> TlaInt.of(random.nextInt(-10, 11));
            case 1 -> TlaInt.of(random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            case 2 -> TlaInt.of(random.nextLong());
            case 3 -> new TlaInt(new BigInteger(70 + random.nextInt(60), new java.util.Random(random.nextLong()))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
            default -> TlaInt.of(random.nextInt());
        };
    }

    private TlaSet interval() {
        long lo = random.nextInt(-5, 6);
        long hi = lo + random.nextInt(-1, 8);
        return TlaSet.interval(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
    }

    private String string() {
        int n = random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
        }
        return sb.toString();
    }

    /** Mostly small collections, now and then a wide one, sometimes empty. */
    private int width() {
        int roll = random.nextInt(20);
        return roll == 0 ? 0 : roll == 1 ? 20 + random.nextInt(40) : random.nextInt(1, 5);
    }

    private List<TlaValue> values(int depth) {
        int n = width();
        List<TlaValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value(depth));
        }
        return out;
    }

    private TlaRecord record(int depth) {
        int n = random.nextInt(20) == 0 ? 0 : random.nextInt(1, 6);
        Map<String, TlaValue> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            fields.put(FIELD_NAMES[random.nextInt(FIELD_NAMES.length)], value(depth));
        }
        return new TlaRecord(fields);
    }

    private TlaFunction function(int depth) {
        int n = width();
        Set<TlaValue> keys = new HashSet<>();
        List<TlaFunction.Mapping> mappings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TlaValue key = value(Math.min(depth, 2));
            if (keys.add(key)) {
                mappings.add(new TlaFunction.Mapping(key, value(depth)));
            }
        }
        return new TlaFunction(mappings);
    }

    /** The same value with every set, record and function listed in another order (equal to the original). */
    TlaValue reorder(TlaValue v) {
        if (v instanceof TlaSeq s) {
            return new TlaSeq(s.elements().stream().map(this::reorder).toList());
        } else if (v instanceof TlaSet s) {
            if (s.isInterval()) {
                return s;
            }
            List<TlaValue> elements = new ArrayList<>(s.elements().stream().map(this::reorder).toList());
            shuffle(elements);
            return new TlaSet(elements);
        } else if (v instanceof TlaRecord r) {
            List<String> names = new ArrayList<>(r.fields().keySet());
            shuffle(names);
            Map<String, TlaValue> fields = new LinkedHashMap<>();
            names.forEach(n -> fields.put(n, reorder(r.fields().get(n))));
            return new TlaRecord(fields);
        } else if (v instanceof TlaFunction f) {
            List<TlaFunction.Mapping> mappings = new ArrayList<>(f.mappings().stream()
                    .map(m -> new TlaFunction.Mapping(reorder(m.key()), reorder(m.value()))).toList());
            shuffle(mappings);
            return new TlaFunction(mappings);
        }
        return v;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
