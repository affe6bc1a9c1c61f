#!/usr/bin/env bash
# Builds the release artifacts from dist/target/lib and dist/target/lab (run by Maven in `package`, after the
# jars are copied; the OCI image is then built by Jib from dist/target/oci-base.tar):
#   trustchain-VERSION.tar.gz              bin/trustchain, lib/ (production), lab/ (the lab, opened on demand),
#                                          docs/, and a runnable lab set-up (ansible.cfg, inventory/, playbooks/,
#                                          lab/scenarios, lab/secrets): any Java 21+, no Maven
#   trustchain-VERSION-runtime-OS-ARCH.tar.gz   the same without the lab, plus runtime/ (jlink): no Java needed
#   oci-base.tar                           the OCI image's base (dist/oci-base.sh)
# usage: release.sh REPO_ROOT TARGET_DIR VERSION
# TRUSTCHAIN_RELEASE=archive builds only the archive (what the ./trustchain launcher's build needs: nothing).
set -euo pipefail
REPO=$1 TARGET=$2 VERSION=$3
NAME="trustchain-$VERSION"
JAVA_BIN="${JAVA_HOME:?JAVA_HOME must name the JDK that builds}/bin"

# Reproducible archives: sorted names, fixed times and owners.
tgz() { # DIR NAME OUT
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$1" -cf - "$2" | gzip -n -9 > "$3"
}

stage() { # DEST: the release folder (without runtime/)
  local d=$1
  rm -rf "$d"
  mkdir -p "$d/bin" "$d/lib" "$d/docs"
  install -m 755 "$REPO/dist/src/bin/trustchain" "$d/bin/trustchain"
  cp "$TARGET"/lib/*.jar "$d/lib/"
  install -m 644 "$REPO/dist/jvm.options" "$d/lib/jvm.options"
  cp "$REPO/README.md" "$d/README.md"
  cp "$REPO"/docs/*.md "$d/docs/"
  [ -d "$REPO/docs/images" ] && cp -r "$REPO/docs/images" "$d/docs/images"
  mkdir -p "$d/examples" && cp -r "$REPO/examples/ci" "$d/examples/ci"
  mkdir -p "$d/ci" && install -m 755 "$REPO/ci/trustchain-ci.sh" "$d/ci/trustchain-ci.sh"
}

with_lab() { # DEST: adds the lab and its runnable set-up
  local d=$1
  mkdir -p "$d/lab"
  cp "$TARGET"/lab/*.jar "$d/lab/"
  cp -r "$REPO/lab/scenarios" "$REPO/lab/secrets" "$d/lab/"
  cp -r "$REPO/inventory" "$REPO/playbooks" "$d/"
  rm -f "$d"/inventory/local-*.yml
  cp "$REPO/ansible.cfg" "$d/ansible.cfg"
}

OUT="$TARGET/release"
mkdir -p "$OUT"
stage "$OUT/$NAME"
with_lab "$OUT/$NAME"
tgz "$OUT" "$NAME" "$TARGET/$NAME.tar.gz"
[ "${TRUSTCHAIN_RELEASE:-all}" = archive ] && exit 0

# The runtime image: the modules the jars need (jdeps), less those only javassist's unused HotSwapper and
# annotation-only jars name (java.compiler, java.instrument, jdk.attach, jdk.jdi); no lab.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.unsupported
OS=$(uname -s | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m); case "$ARCH" in x86_64) ARCH=x64 ;; aarch64) ARCH=aarch64 ;; esac
RT="$OUT/$NAME-runtime"
stage "$RT"
"$JAVA_BIN/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$RT/runtime" >/dev/null
# The JDK's default class-data archive for this runtime, as a JDK ships it.
"$RT/runtime/bin/java" -Xshare:dump -Xlog:cds=off >/dev/null 2>&1 || true
mkdir -p "$OUT/img" && rm -rf "$OUT/img/$NAME" && mv "$RT" "$OUT/img/$NAME"
tgz "$OUT/img" "$NAME" "$TARGET/$NAME-runtime-$OS-$ARCH.tar.gz"

# The OCI image's base: the runtime image's Java under /opt/java, and a shell.
bash "$REPO/dist/oci-base.sh" "$OUT/img/$NAME/runtime" "$OUT/oci-base" "$TARGET/oci-base.tar"
# What Jib puts over it, beside its own layers of jars (/opt/trustchain/libs): the launcher and its flags.
rm -rf "$TARGET/oci-extra" && mkdir -p "$TARGET/oci-extra/bin" "$TARGET/oci-extra/lib"
install -m 755 "$REPO/dist/src/bin/trustchain" "$TARGET/oci-extra/bin/trustchain"
install -m 644 "$REPO/dist/jvm.options" "$TARGET/oci-extra/lib/jvm.options"
