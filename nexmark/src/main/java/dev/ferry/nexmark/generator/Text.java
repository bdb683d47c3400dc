package dev.ferry.nexmark.generator;

import java.util.SplittableRandom;

/** Random words, names and places, as Nexmark fills its string fields. */
final class Text {

    private static final String[] FIRST_NAMES = {
        "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"
    };
    private static final String[] LAST_NAMES = {
        "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
    };
    private static final String[] CITIES = {
        "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"
    };
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};

    private Text() {}

    static String name(SplittableRandom random) {
        return pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
    }

    static String city(SplittableRandom random) {
        return pick(CITIES, random);
    }

    static String state(SplittableRandom random) {
        return pick(STATES, random);
    }

    static String email(SplittableRandom random) {
        return word(random, 7) + "@" + word(random, 5) + ".com";
    }

    static String creditCard(SplittableRandom random) {
        return String.format(
                "%04d %04d %04d %04d",
                random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000));
    }

    /** Lower-case letters and the odd space, {@code maxLength} at most. */
    static String word(SplittableRandom random, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(27);
            chars[i] = c == 26 ? ' ' : (char) ('a' + c);
        }
        return new String(chars);
    }

    /** Padding that brings an event of {@code size} bytes to about {@code averageSize}. */
    static String extra(SplittableRandom random, int size, int averageSize) {
        int missing = averageSize - size;
        return missing <= 0 ? "" : word(random, missing * 2);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
