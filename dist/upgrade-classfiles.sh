#!/usr/bin/env bash
# Gives the class files older than Java 6 in DIR's jars (picocli's, some of Guice's and Jinjava's, jsr305's,
# the FindBugs annotations', j2objc's, aopalliance's) version 50 and stack maps, in place:
#
#   dist/upgrade-classfiles.sh DIR
#
# Why: the JVM keeps no class older than version 50 in a class-data archive or an AOT cache (it cannot verify
# one ahead of time), so every command loaded and verified picocli's ≈180 classes and 26 of Guice's from their
# jars: `--help` 0.29 -> 0.20 s of JVM time, `validate` 0.70 -> 0.66 s (hyperfine, Temurin 25, AOT cache).
# The bytecode is unchanged; see UpgradeClassFiles.java. It needs the JDK's ClassFile API (Java 24+): on an
# older JDK the jars stay as published and the commands start as before.
set -euo pipefail
DIR=$1
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${MAJOR%%.*}" -lt 24 ]; then
  echo "upgrade-classfiles: Java $MAJOR has no ClassFile API (24+): the jars of $DIR stay as published"
  exit 0
fi
exec "$JAVA" "$(dirname "$0")/UpgradeClassFiles.java" "$DIR"
