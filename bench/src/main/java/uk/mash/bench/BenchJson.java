package uk.mash.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Indented JSON for {@code .mash/bench/latest.json}: maps in their own order, nulls kept (a field
 * that was not measured is written as {@code null}, never left out), doubles rounded
 * (see {@link #number}), NaN and infinities written as null, a list of numbers on one line.
 */
final class BenchJson {

    private BenchJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(indent).append("  ");
                string(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out, indent + "  ");
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            if (list.stream().allMatch(v -> v == null || v instanceof Number)) {
                // a series (the timeline's): one line, not one line a value
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    write(list.get(i), out, indent);
                    out.append(i < list.size() - 1 ? ", " : "");
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                write(list.get(i), out, indent + "  ");
                out.append(i < list.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? number(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    /**
     * No exponent, no trailing zeros: three decimals from 1 up (1234.5, 12), six below 1 so that a
     * small ratio is not shown as 0 (0.000312).
     */
    static String number(double d) {
        int scale = Math.abs(d) >= 1 ? 3 : 6;
        String s = java.math.BigDecimal.valueOf(d).setScale(scale, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return s.matches("-?0(\\.0*)?") ? "0" : s;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
