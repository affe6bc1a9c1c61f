# Sourced by ./trustchain, ./verify and .ci/run: exports JAVA_HOME for a JDK 21 or newer.
# Order: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/*, /opt/*, ~/.sdkman (newest first).

# Every step runs in this shell, no command substitution: each would fork (≈3 ms), and the launcher pays this
# file before every command (30 -> 5 ms).

tc_java_major() { # sets TC_MAJOR to the major version of the java binary $1, or to nothing
  local release="${1%/*/*}/release" v="" line
  TC_MAJOR=""
  if [ -r "$release" ]; then # every JDK ships it; reading it costs no JVM start (and, in bash, no process)
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in JAVA_VERSION=\"*\"*) v=${line#JAVA_VERSION=\"}; v=${v%%\"*}; break ;; esac
    done < "$release"
    case "$v" in 1.*) v=${v#1.} ;; esac
    [ -n "$v" ] && { TC_MAJOR=${v%%[.+-]*}; return; }
  fi
  TC_MAJOR=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1)
}

tc_find_jdk() { # sets TC_JDK to the JDK to use, or to nothing
  local candidate best="" best_major=0 dir javac="" dirs
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    tc_java_major "$JAVA_HOME/bin/java"
    [ -n "$TC_MAJOR" ] && [ "$TC_MAJOR" -ge 21 ] && { TC_JDK=$JAVA_HOME; return; }
  fi
  IFS=: read -r -a dirs <<< "$PATH"
  for dir in "${dirs[@]}"; do
    [ -x "$dir/javac" ] && { javac=$dir/javac; break; }
  done
  [ -L "$javac" ] && javac=$(readlink -f "$javac")
  for candidate in "${javac%/*/*}" \
      /usr/lib/jvm/* /opt/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    tc_java_major "$candidate/bin/java"
    [ -n "$TC_MAJOR" ] || continue
    if [ "$TC_MAJOR" -ge 21 ] && [ "$TC_MAJOR" -gt "$best_major" ]; then best=$candidate; best_major=$TC_MAJOR; fi
  done
  TC_JDK=$best
}

tc_find_jdk
if [ -z "$TC_JDK" ]; then
  echo "trustchain: no JDK 21 or newer found (looked at \$JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman)." >&2
  echo "trustchain: install one (e.g. Temurin 21+) or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME=$TC_JDK
export PATH="$JAVA_HOME/bin:$PATH"
# Guava (inside Maven 3.8 and Guice) warns about sun.misc.Unsafe on JDK 23+; allow it quietly there.
TC_JAVA_FLAGS=""
tc_java_major "$JAVA_HOME/bin/java"
if [ "$TC_MAJOR" -ge 23 ]; then
  TC_JAVA_FLAGS="--sun-misc-unsafe-memory-access=allow"
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
