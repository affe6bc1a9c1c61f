#!/usr/bin/env bash
# Rewrites each signed jar of DIR (BouncyCastle's) without its signature, in place:
#
#   dist/unsign.sh DIR
#
# Why: the JVM verifies a signed jar when the first class loads from it (≈95 ms of every connecting command's
# main thread for bcprov, its PKCS#7 signature and an 800 KB manifest of per-entry digests), and no class-data
# archive or AOT cache takes classes from a signed jar. trustchain never registers BouncyCastle as a JCA
# provider (it calls the lightweight classes directly), so nothing needs the signature. The classes are
# unchanged; the manifest keeps its main section (Multi-Release and the module name) and drops the per-entry
# digests. The originals stay in the Maven repository, signed, for whoever wants to check them.
set -euo pipefail
DIR=$1
JAR=${JAVA_HOME:+$JAVA_HOME/bin/}jar
for j in "$DIR"/*.jar; do
  [ -n "$("$JAR" tf "$j" | grep -E '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' || true)" ] || continue
  work=$(mktemp -d "$DIR/.unsign.XXXXXX")
  mkdir "$work/x"
  (cd "$work/x" && "$JAR" xf "$j")
  rm -f "$work"/x/META-INF/*.SF "$work"/x/META-INF/*.RSA "$work"/x/META-INF/*.DSA "$work"/x/META-INF/*.EC
  # the manifest's main section: its lines up to the first empty one (continuation lines included)
  tr -d '\r' < "$work/x/META-INF/MANIFEST.MF" | awk 'found {next} /^$/ {found = 1; next} {print}' > "$work/main.mf"
  rm -f "$work/x/META-INF/MANIFEST.MF"
  "$JAR" --create --file "$work/new.jar" --manifest "$work/main.mf" --date 2000-01-01T00:00:00Z -C "$work/x" .
  mv -f "$work/new.jar" "$j"
  rm -rf "$work"
done
