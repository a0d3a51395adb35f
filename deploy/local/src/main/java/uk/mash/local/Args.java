package uk.mash.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options. An option may be repeated, or followed by several values
 * ({@code --service intake screening}); {@code --name=value} works too.
 */
final class Args {

    private final Map<String, List<String>> options;

    private Args(Map<String, List<String>> options) {
        this.options = options;
    }

    static Args parse(String... argv) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> current = null;
        for (String arg : argv) {
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                current = options.computeIfAbsent(name, k -> new ArrayList<>());
                if (inline != null) {
                    current.add(inline);
                }
            } else if (current == null) {
                throw new UsageException("unexpected argument '" + arg + "'");
            } else {
                current.add(arg);
            }
        }
        return new Args(options);
    }

    /** Fails on an option the command does not know (a typo should not be silently ignored). */
    Args allow(String... names) {
        Set<String> known = Set.of(names);
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        return this;
    }

    String required(String name) {
        String value = optional(name, null);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    String optional(String name, String fallback) {
        List<String> values = options.get(name);
        if (values == null) {
            return fallback;
        }
        if (values.size() != 1) {
            throw new UsageException("--" + name + " takes exactly one value");
        }
        return values.get(0);
    }

    /** An option given with no value, as a switch ({@code --regenerate-log}). */
    boolean flag(String name) {
        List<String> values = options.get(name);
        if (values != null && !values.isEmpty()) {
            throw new UsageException("--" + name + " takes no value");
        }
        return values != null;
    }

    /** Given at all, with values or without ({@code --replay} alone, and {@code --replay 0:1 0:2}). */
    boolean has(String name) {
        return options.containsKey(name);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    int intValue(String name, int fallback) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }
}
