# Sourced by ./mvnw and ./callrecords: makes JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then `java` on PATH, then the newest JDK in
# the system's JVM folder (/usr/lib/jvm, or CALLRECORDS_JVM_DIR).
callrecords_java_major() {
  # prints the feature version of the java binary $1 (17, 21, 25 ...), or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

callrecords_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(callrecords_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(callrecords_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in "${CALLRECORDS_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(callrecords_java_major "$candidate/bin/java")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then export JAVA_HOME="$best"; return 0; fi
  echo "Callrecords needs a JDK 21 or newer: none found in JAVA_HOME, on PATH or in ${CALLRECORDS_JVM_DIR:-/usr/lib/jvm}; install one (for example the Debian package openjdk-21-jdk-headless or Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}
