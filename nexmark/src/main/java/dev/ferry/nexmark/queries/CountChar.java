package dev.ferry.nexmark.queries;

import org.apache.flink.table.functions.ScalarFunction;

/** q14's user-defined function: how often a character occurs in a string. */
public final class CountChar extends ScalarFunction {

    public long eval(String text, String character) {
        if (text == null || character == null || character.isEmpty()) {
            return 0;
        }
        char wanted = character.charAt(0);
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
