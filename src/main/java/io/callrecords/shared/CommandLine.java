package io.callrecords.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of a command ({@code --name value}, {@code --name=value}, {@code --flag}), each problem
 * reported as one sentence that names the option and says what it takes.
 */
public final class CommandLine {

    /** Arguments a command cannot run with; the message is the one sentence to show. */
    public static final class BadArguments extends RuntimeException {
        public BadArguments(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param flags   options without a value
     * @param valued  options that take a value
     * @param command the command, for the hint to its help ({@code simulate})
     */
    public static CommandLine parse(String[] args, Set<String> flags, Set<String> valued, String command) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("-h")) {
                name = "--help";
            }
            if (flags.contains(name) && !arg.contains("=")) {
                values.put(name, "");
            } else if (valued.contains(name)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isBlank()) {
                    throw new BadArguments(name + " needs a value: see ./callrecords " + command + " --help.");
                }
                if (values.put(name, value) != null) {
                    throw new BadArguments(name + " is given twice.");
                }
            } else {
                throw new BadArguments("Unknown option '" + arg + "': see ./callrecords " + command + " --help.");
            }
        }
        return new CommandLine(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when the option is absent. */
    public long whole(String name, long min, long max, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArguments("%s must be a whole number from %,d to %,d, not '%s'.".formatted(name, min, max, value));
    }

    /** A number above 0 and at most {@code max}; {@code fallback} when the option is absent. */
    public double positive(String name, double max, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(value);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArguments("%s must be a number above 0 and at most %,.0f, not '%s'.".formatted(name, max, value));
    }

    /** Says which of two options that exclude each other were both given. */
    public void notBoth(String a, String b) {
        if (has(a) && has(b)) {
            throw new BadArguments("Give " + a + " or " + b + ", not both.");
        }
    }
}
