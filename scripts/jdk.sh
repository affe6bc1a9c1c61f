# Sourced by ./trustchain, ./verify and .ci/run: exports JAVA_HOME for a JDK 21 or newer.
# Order: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/*, /opt/*, ~/.sdkman (newest first).

tc_java_major() { # prints the major version of the java binary $1, or nothing
  local release v="" line
  release="${1%/*/*}/release"
  if [ -r "$release" ]; then # every JDK ships it; reading it costs no JVM start (and, in bash, no process)
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in JAVA_VERSION=\"*\"*) v=${line#JAVA_VERSION=\"}; v=${v%%\"*}; break ;; esac
    done < "$release"
    case "$v" in 1.*) v=${v#1.} ;; esac
    [ -n "$v" ] && { printf '%s\n' "${v%%[.+-]*}"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

tc_find_jdk() {
  local candidate major best="" best_major=0
  local javac
  javac=$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")
  for candidate in "${JAVA_HOME:-}" "${javac%/*/*}" \
      /usr/lib/jvm/* /opt/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(tc_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

if ! TC_JDK=$(tc_find_jdk); then
  echo "trustchain: no JDK 21 or newer found (looked at \$JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman)." >&2
  echo "trustchain: install one (e.g. Temurin 21+) or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME=$TC_JDK
export PATH="$JAVA_HOME/bin:$PATH"
# Guava (inside Maven 3.8 and Guice) warns about sun.misc.Unsafe on JDK 23+; allow it quietly there.
TC_JAVA_FLAGS=""
if [ "$(tc_java_major "$JAVA_HOME/bin/java")" -ge 23 ]; then
  TC_JAVA_FLAGS="--sun-misc-unsafe-memory-access=allow"
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
