# Sourced by ./mvnw, ./propos and .ci/run: make JAVA_HOME point at a JDK 21 or newer.
# Keeps a suitable JAVA_HOME or `java` on the PATH; otherwise picks the newest JDK under /usr/lib/jvm.
propos_java_release() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
propos_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
      && [ "$(propos_java_release "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(propos_java_release "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$candidate; export JAVA_HOME; return 0
    fi
  fi
  best=""; best_release=0
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort); do
    [ -x "$candidate/bin/javac" ] || continue
    release=$(propos_java_release "$candidate")
    if [ -n "$release" ] && [ "$release" -gt "$best_release" ]; then best=$candidate; best_release=$release; fi
  done
  if [ "$best_release" -ge 21 ]; then
    JAVA_HOME=$best; export JAVA_HOME; return 0
  fi
  echo "PropOS needs a JDK 21 or newer: set JAVA_HOME to one (found none under /usr/lib/jvm)." >&2
  return 1
}
propos_find_jdk || exit 1
# Maven 3.9's libraries still call sun.misc.Unsafe: JDK 23+ warns at every build unless told it is allowed.
if [ "$(propos_java_release "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
  case "${MAVEN_OPTS-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
