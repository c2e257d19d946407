package dev.dsverify.cli;

import dev.dsverify.runner.SearchMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --simulate depth=100,traces=1000,seed=42}; every key is optional. */
final class SimulationOption implements ITypeConverter<SearchMode.Simulation> {
    static final int DEFAULT_DEPTH = 100;
    static final long DEFAULT_TRACES = 1000;

    @Override
    public SearchMode.Simulation convert(String value) {
        int depth = DEFAULT_DEPTH;
        long traces = DEFAULT_TRACES;
        Long seed = null;
        if (value != null && !value.isBlank()) {
            for (String part : value.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new TypeConversionException("'" + part + "' is not key=value (keys: depth, traces, seed)");
                }
                String key = kv[0].trim();
                String v = kv[1].trim();
                try {
                    switch (key) {
                        case "depth" -> depth = Integer.parseInt(v);
                        case "traces" -> traces = Long.parseLong(v);
                        case "seed" -> seed = Long.parseLong(v);
                        default -> throw new TypeConversionException("unknown key '" + key
                                + "' (keys: depth, traces, seed)");
                    }
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + v + "' is not a number for " + key);
                }
            }
        }
        try {
            return new SearchMode.Simulation(depth, traces, seed);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
