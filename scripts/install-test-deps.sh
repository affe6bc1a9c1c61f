#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
#   openssh-server  - the OpenSSH interop test runs a real sshd on loopback
#   ansible-core    - ansible-vault proves escrowed keys open with it; ansible-inventory is the
#                     reference for `trustchain inventory --list`
#   busybox-static, bash-static - the shell and tools of the OCI image's base (dist/oci-base.sh)
#   chromium        - the HTML posture report is rendered and checked in a real headless Chromium
#   openssh-client  - ssh-agent/ssh-add/ssh-keygen for the agent and encrypted-key interop tests
#   tmux            - the live-progress and Ctrl-C test drives a real terminal
#   sudo            - the interop test proves, with Debian's real sudo and a wrong become password, that sudo
#                     never reads a secret
set -euo pipefail
need=()
command -v /usr/sbin/sshd >/dev/null 2>&1 || need+=(openssh-server)
command -v ansible-vault >/dev/null 2>&1 || need+=(ansible-core)
[ -x /bin/busybox ] || need+=(busybox-static)
[ -x /bin/bash-static ] || need+=(bash-static)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ssh-agent >/dev/null 2>&1 || need+=(openssh-client)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
[ -x /usr/bin/sudo ] || need+=(sudo)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-test-deps: need root to install: ${need[*]} (apt-get install -y ${need[*]})" >&2; exit 1
  fi
fi
echo "install-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update -q >/dev/null 2>&1
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
}
