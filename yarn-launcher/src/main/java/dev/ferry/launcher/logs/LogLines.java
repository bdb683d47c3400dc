package dev.ferry.launcher.logs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filters a log's lines as {@code --since}, {@code --grep} and {@code --tail} ask. A line without a
 * timestamp (a stack trace's frames) belongs to the line above it. Timestamps are read as Flink's
 * log4j layout writes them ({@code 2026-12-07 14:23:27,123}), in this machine's time zone.
 */
final class LogLines {

    private static final Pattern TIMESTAMP =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2})(?:[,.](\\d{1,3}))?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LogLines() {}

    static List<String> filter(String text, Optional<Long> sinceMillis, Optional<Pattern> grep, OptionalInt tail) {
        List<String> kept = new ArrayList<>();
        boolean recent = sinceMillis.isEmpty();
        for (String line : text.split("\n", -1)) {
            Optional<Long> time = timestamp(line);
            if (time.isPresent() && sinceMillis.isPresent()) {
                recent = time.get() >= sinceMillis.get();
            }
            if (recent && grep.map(g -> g.matcher(line).find()).orElse(true)) {
                kept.add(line);
            }
        }
        if (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        if (tail.isPresent() && kept.size() > tail.getAsInt()) {
            return kept.subList(kept.size() - tail.getAsInt(), kept.size());
        }
        return kept;
    }

    static Optional<Long> timestamp(String line) {
        Matcher matcher = TIMESTAMP.matcher(line);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(matcher.group(1).replace('T', ' '), SECONDS);
            long millis = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
            return Optional.of(
                    seconds.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() + millis);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
