package dev.dsverify.runner.value;

/** TRUE or FALSE. */
public record TlaBool(boolean value) implements TlaValue {
    public static final TlaBool TRUE = new TlaBool(true);
    public static final TlaBool FALSE = new TlaBool(false);

    public static TlaBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String toTla() {
        return value ? "TRUE" : "FALSE";
    }
}
