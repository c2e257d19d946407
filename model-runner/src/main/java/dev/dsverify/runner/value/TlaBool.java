package dev.dsverify.runner.value;

/** TRUE or FALSE. */
public record TlaBool(boolean value) implements TlaValue {
    public static final TlaBool TRUE = new TlaBool(true);
    public static final TlaBool FALSE = new TlaBool(false);

    @Override
    public String toTla() {
        return value ? "TRUE" : "FALSE";
    }
}
