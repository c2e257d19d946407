package dev.dsverify.runner.value;

import java.util.Objects;

/** A string. {@link #value()} holds the decoded text, without quotes or escapes. */
public record TlaString(String value) implements TlaValue {
    public TlaString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toTla() {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
