#!/usr/bin/env bash
# Shared by every script in bin/: where Ferry lives, which Java runs it, and its class path.
# Source it; it defines variables and functions and runs nothing else.
#
# Environment it honours:
#   JAVA_HOME          Java 17 or newer (default: the java on PATH)
#   FERRY_CONF_DIR     configuration directory (default: $FERRY_HOME/conf)
#   FERRY_LOG_DIR      where client logs go (default: $FERRY_HOME/log, else ~/.ferry/log)
#   HADOOP_CLASSPATH   Hadoop client jars (default: `hadoop classpath`, else $FERRY_HOME/opt/hadoop)
#   FERRY_JAVA_OPTS    extra JVM options for the Ferry client

# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

ferry_die() {
  echo "ferry: $*" >&2
  exit 2
}

ferry_resolve_home() {
  local source_file="${BASH_SOURCE[0]}"
  local bin_dir
  bin_dir="$(cd "$(dirname "$(readlink -f "$source_file")")" && pwd)"
  FERRY_HOME="$(cd "$bin_dir/.." && pwd)"
  export FERRY_HOME
}

ferry_find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA_RUN="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA_RUN="$(command -v java)"
  else
    ferry_die "no Java found: install Java 17 or set JAVA_HOME"
  fi
  local major
  JAVA_VERSION_LINE="$("$JAVA_RUN" -version 2>&1 | head -n 1)"
  major="$(sed -E 's/.*version "([0-9]+).*/\1/' <<<"$JAVA_VERSION_LINE")"
  if [[ ! "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
    ferry_die "Ferry needs Java 17 or newer, but $JAVA_RUN is: $JAVA_VERSION_LINE (set JAVA_HOME)"
  fi
}

ferry_hadoop_classpath() {
  if [[ -n "${HADOOP_CLASSPATH:-}" ]]; then
    printf '%s' "$HADOOP_CLASSPATH"
  elif command -v hadoop >/dev/null 2>&1; then
    hadoop classpath
  else
    printf '%s' "$FERRY_HOME/opt/hadoop/*"
  fi
}

# lib/'s jars by name, the order Flink gives them in its containers. A `lib/*` wildcard follows
# directory order instead, which differs between machines; the order matters because hive-exec
# bundles old copies of Calcite, Guava and others that must not shadow Flink's (flink-* < hive-*).
ferry_lib_classpath() {
  local LC_ALL=C
  local jars=("$FERRY_HOME"/lib/*.jar)
  local IFS=:
  printf '%s' "${jars[*]}"
}

# The optional parts of the distribution the CLI runs with where they are installed: opt/bench
# (the 'ferry bench' command, found by the launcher through its extension point). Empty, or a
# class path suffix starting with ':'.
ferry_optional_classpath() {
  if [[ -d "$FERRY_HOME/opt/bench" ]]; then
    printf ':%s' "$FERRY_HOME/opt/bench/*"
  fi
}

# Every jar of the client's class path that the distribution ships: lib/ and opt/bench/.
ferry_client_jars() {
  (
    shopt -s nullglob
    printf '%s\n' "$FERRY_HOME"/lib/*.jar "$FERRY_HOME"/opt/bench/*.jar
  )
}

ferry_log_dir() {
  local dir="${FERRY_LOG_DIR:-$FERRY_HOME/log}"
  if ! mkdir -p "$dir" 2>/dev/null || [[ ! -w "$dir" ]]; then
    dir="$HOME/.ferry/log"
    mkdir -p "$dir"
  fi
  printf '%s' "$dir"
}

# The class data sharing archive for this Java, class path and build of Ferry (see bin/ferry):
# its path, whether or not it exists yet. The key covers the size and time of every jar the
# distribution puts on the class path, so a rebuilt jar gets a new archive rather than one the JVM
# would refuse. The prefix names the commands it is for: "ferry-" (the cluster and job commands)
# or "ferry-sql-" (sql and sample, which load Flink's planner as well). Needs ferry_find_java.
ferry_cds_archive() {
  local classpath="$1"
  local prefix="$2"
  local dir="${FERRY_CDS_DIR:-$HOME/.ferry/cache/cds}"
  local key jars
  mapfile -t jars < <(ferry_client_jars)
  key="$({ printf '%s\n' "$JAVA_VERSION_LINE" "$JAVA_RUN" "$classpath"
           stat -c '%n %s %Y' "${jars[@]}"; } | cksum | cut -d' ' -f1)"
  printf '%s/%s%s.jsa' "$dir" "$prefix" "$key"
}

# Keeps the newest three archives of one prefix in a cache directory: one per Java, class path
# and build.
ferry_cds_prune() {
  local dir="$1"
  local prefix="$2"
  local old
  # shellcheck disable=SC2012 # names are ours: <prefix><number>.jsa
  old="$(ls -1t "$dir/$prefix"[0-9]*.jsa 2>/dev/null | tail -n +4)"
  if [[ -n "$old" ]]; then
    xargs rm -f <<<"$old"
  fi
}

# Java 17 closes the JDK internals Flink's client reflects on (Kryo, the closure cleaner); java.net
# is also what the Hive client needs (HiveCatalog, 'ferry catalog'). One list serves the containers
# and this client: the --add-opens/--add-exports of env.java.opts.all in conf/config.yaml. Needs
# FERRY_CONF_DIR; falls back to the distribution's config.yaml where a conf dir lacks the key.
ferry_java17_opens() {
  local file line word
  FERRY_JAVA17_OPENS=()
  for file in "$FERRY_CONF_DIR/config.yaml" "$FERRY_HOME/conf/config.yaml"; do
    [[ -f "$file" ]] || continue
    line="$(sed -n 's/^env\.java\.opts\.all:[[:space:]]*//p' "$file" | head -n 1)"
    [[ -n "$line" ]] || continue
    for word in $line; do
      if [[ "$word" == --add-opens=* || "$word" == --add-exports=* ]]; then
        FERRY_JAVA17_OPENS+=("$word")
      fi
    done
    return 0
  done
  ferry_die "no env.java.opts.all in $FERRY_CONF_DIR/config.yaml or $FERRY_HOME/conf/config.yaml: Java 17 needs its --add-opens list"
}

ferry_resolve_home
if [[ -n "${FERRY_CONF_DIR:-}" && ! -d "$FERRY_CONF_DIR" ]]; then
  ferry_die "Configuration directory $FERRY_CONF_DIR (from FERRY_CONF_DIR) does not exist: give the directory that holds config.yaml and ferry.yaml"
fi
FERRY_CONF_DIR="${FERRY_CONF_DIR:-$FERRY_HOME/conf}"
export FERRY_CONF_DIR
