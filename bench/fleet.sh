#!/usr/bin/env bash
# Writes an Ansible inventory of N simulated Macs for the benchmark, on stdout.
#
#   bench/fleet.sh N FIRSTPORT STATEDIR     (hosts mac-00000 … on FIRSTPORT, FIRSTPORT+1, …)
#
# The Macs take the lab's scenarios in turn (Sequoia, Ventura, Catalina), become with sudo as the lab
# inventory does, and keep their state, keys and known_hosts in STATEDIR. Real Ansible reads it as is.
# On Linux every Mac also gets its own loopback address (127.1.0.1, 127.1.0.2, … : all of 127/8 is
# loopback there), as a real fleet has an address per Mac; it also keeps the ports clear of the
# client connections that other programs open from 127.0.0.1 (ports above 32767 are the kernel's
# ephemeral ones, and one left in TIME_WAIT cannot be listened on). Elsewhere: 127.0.0.1 for all.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
n=$1 port=$2 state=$3
scenarios=(sequoia-arm.yml ventura-arm.yml catalina-intel.yml)
cat <<YAML
all:
  children:
    lab:
      vars:
        ansible_user: ladmin
        ansible_become: true
        ansible_become_password: "{{ vault_ladmin_password }}"
        ansible_ssh_private_key_file: "$state/id_ed25519"
        ansible_ssh_common_args: "-o UserKnownHostsFile=$state/known_hosts"
        trustchain_lab_state: "$state"
      hosts:
YAML
spread=$([ "$(uname -s)" = Linux ] && echo 1 || echo 0)
for ((i = 0; i < n; i++)); do
  address=127.0.0.1
  [ "$spread" = 1 ] && address=127.1.$((i / 250)).$((i % 250 + 1))
  printf '        mac-%05d: {ansible_host: %s, ansible_port: %d, trustchain_lab_scenario: %s}\n' \
    "$i" "$address" $((port + i)) "$ROOT/lab/scenarios/${scenarios[i % 3]}"
done
