#!/usr/bin/env bash
# Builds the base of trustchain's OCI image as a Docker-archive tar (what `docker save` writes, and what Jib
# takes as `tar://` base), with no Docker daemon and no registry:
#   /opt/java         the runtime image made by jlink (dist/target/runtime)
#   /lib*, /usr/lib*  the C libraries that runtime links against, copied from this (Debian) machine
#   /bin/busybox      Debian's busybox-static: sh and the usual tools, as symlinks
#   /bin/bash         Debian's bash-static (ci/trustchain-ci.sh is a bash script)
#   /etc/passwd, /etc/group, /home/trustchain, /tmp, /work   a non-root user 10001 "trustchain"
# usage: oci-base.sh RUNTIME_DIR WORK_DIR OUT_TAR
set -euo pipefail
RUNTIME=$1 WORK=$2 OUT=$3
ROOT="$WORK/rootfs"
rm -rf "$WORK" && mkdir -p "$ROOT" "$WORK/debs"

# busybox-static and bash-static: this machine's when installed (scripts/install-test-deps.sh installs them),
# else downloaded from Debian with apt-get.
BUSYBOX=/bin/busybox BASH_STATIC=/bin/bash-static
if ! { [ -x "$BUSYBOX" ] && "$BUSYBOX" --list >/dev/null 2>&1 && [ -x "$BASH_STATIC" ]; }; then
  (cd "$WORK/debs" && apt-get download busybox-static bash-static >/dev/null 2>&1) || {
    echo "oci-base: busybox-static and bash-static are neither installed nor downloadable with apt-get" >&2
    echo "oci-base: (apt-get install busybox-static bash-static, or apt-get update once)" >&2
    exit 1
  }
  for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$WORK/debs/x"; done
  BUSYBOX="$WORK/debs/x/bin/busybox" BASH_STATIC="$WORK/debs/x/bin/bash-static"
fi

mkdir -p "$ROOT/opt" "$ROOT/bin" "$ROOT/usr/bin" "$ROOT/etc" "$ROOT/tmp" "$ROOT/work" "$ROOT/home/trustchain"
cp -a "$RUNTIME" "$ROOT/opt/java"
cp "$BUSYBOX" "$ROOT/bin/busybox"
cp "$BASH_STATIC" "$ROOT/bin/bash"
for applet in $("$ROOT/bin/busybox" --list); do
  [ "$applet" = busybox ] || [ "$applet" = bash ] || ln -sf /bin/busybox "$ROOT/bin/$applet"
done
ln -sf /bin/busybox "$ROOT/usr/bin/env"

# The shared libraries of the runtime, with the dynamic loader, at the paths they were found.
find "$ROOT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*lib[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
    case "$lib" in "$ROOT"*) continue ;; esac
    [ -e "$lib" ] || continue
    mkdir -p "$ROOT$(dirname "$lib")"
    cp -L "$lib" "$ROOT$lib"
  done

printf 'root:x:0:0:root:/root:/bin/sh\ntrustchain:x:10001:10001:trustchain:/home/trustchain:/bin/sh\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\ntrustchain:x:10001:\n' > "$ROOT/etc/group"
chmod 1777 "$ROOT/tmp"

# One layer, reproducible: sorted names, fixed times and owners (the home and /work owned by 10001).
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$ROOT" -cf "$WORK/layer.tar" \
  --exclude=./home/trustchain --exclude=./work .
tar --sort=name --mtime=@0 --owner=10001 --group=10001 --numeric-owner -C "$ROOT" -rf "$WORK/layer.tar" \
  ./home/trustchain ./work
diff_id=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
cat > "$WORK/config.json" <<JSON
{"architecture":"$(dpkg --print-architecture 2>/dev/null || echo amd64)","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/bin:/usr/bin","JAVA_HOME=/opt/java","HOME=/home/trustchain"],"User":"10001","WorkingDir":"/work"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"dist/oci-base.sh: jlink runtime, C libraries, busybox-static, bash-static"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["trustchain-base:local"],"Layers":["layer.tar"]}]\n' > "$WORK/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$WORK" -cf "$OUT" manifest.json config.json layer.tar
