package dev.ferry.sql;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The settings Ferry's SQL runner gives every script's TableEnvironment where Flink's default
 * differs from Ferry's. Each one fills a gap only: a value set in config.yaml, with {@code -D} or
 * by the script's {@code SET} wins. The Nexmark bench (module nexmark) measures these, against
 * stock Flink, from this very list.
 */
public final class FerrySqlDefaults {

  /** One default: the option, Ferry's value and the measurement behind it. */
  public record Setting<T>(ConfigOption<T> option, T value, String reason) {

    String key() {
      return option.key();
    }

    void fillIn(Configuration target) {
      target.set(option, value);
    }
  }

  /** Every Ferry SQL default, in the order they are applied. */
  public static final List<Setting<?>> SETTINGS = List.of();

  private FerrySqlDefaults() {}

  /** The defaults as key/value strings, e.g. for a report. */
  public static Map<String, String> asMap() {
    Configuration config = new Configuration();
    SETTINGS.forEach(setting -> setting.fillIn(config));
    return config.toMap().entrySet().stream().collect(
        Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.TreeMap::new));
  }

  /** Sets every default whose key {@code alreadySet} does not report as set. */
  static void fillIn(Configuration target, Predicate<String> alreadySet) {
    for (Setting<?> setting : SETTINGS) {
      if (!alreadySet.test(setting.key())) {
        setting.fillIn(target);
      }
    }
  }

  /** Sets every default that {@code target} does not set yet. */
  public static void fillIn(Configuration target) {
    fillIn(target, target::containsKey);
  }
}
