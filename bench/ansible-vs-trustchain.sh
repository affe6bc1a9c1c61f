#!/usr/bin/env bash
# Benchmark: trustchain against Ansible (Debian's ansible-core), both gathering the same Secure Token /
# FileVault / Bootstrap checks from the same simulated Macs, served by one `trustchain lab serve` on loopback.
#
#   bench/ansible-vs-trustchain.sh [HOSTS] [RUNS]      (defaults: 20 hosts, 3 runs; the median is reported)
#   BIG=500 bench/ansible-vs-trustchain.sh             (also: trustchain facts over 500 hosts with a 128 MiB heap)
#
# trustchain: `trustchain facts` — one SSH exec per host runs every check (one sh script).
# Ansible:    `ansible-playbook` with raw tasks — one SSH exec per check, as a playbook of shell checks does;
#             OpenSSH with ControlPersist (Ansible's default), become via sudo, forks = trustchain's forks.
# Both times are wall clock for the whole command, JVM start-up and Python start-up included.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOSTS=${1:-20}
RUNS=${2:-3}
BIG=${BIG:-0}
FORKS=20
command -v ansible-playbook >/dev/null || { echo "bench: needs ansible-core (apt-get install ansible-core)" >&2; exit 1; }
"$ROOT/trustchain" --version >/dev/null   # build first, outside the timings

WORK=$(mktemp -d)
SERVE_PID=""
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

inventory() { # inventory() N FIRSTPORT → an inventory of N lab Macs (three scenarios in turn)
  local n=$1 port=$2 i scenarios=(sequoia-arm.yml ventura-arm.yml catalina-intel.yml)
  cat <<YAML
all:
  children:
    lab:
      vars:
        ansible_host: 127.0.0.1
        ansible_user: ladmin
        ansible_become: true
        ansible_become_password: "{{ vault_ladmin_password }}"
        ansible_ssh_private_key_file: "$WORK/lab/id_ed25519"
        ansible_ssh_common_args: "-o UserKnownHostsFile=$WORK/lab/known_hosts"
        trustchain_lab_state: "$WORK/lab"
      hosts:
YAML
  for ((i = 0; i < n; i++)); do
    printf '        mac-%04d: {ansible_port: %d, trustchain_lab_scenario: %s}\n' \
      "$i" $((port + i)) "$ROOT/lab/scenarios/${scenarios[i % 3]}"
  done
}

mkdir -p "$WORK/inv/group_vars"
cp "$ROOT/inventory/group_vars/lab.yml" "$WORK/inv/group_vars/lab.yml"
printf '[defaults]\nvault_password_file = %s\nforks = %d\nhost_key_checking = True\n' \
  "$ROOT/lab/secrets/vault-password" "$FORKS" > "$WORK/ansible.cfg"
export ANSIBLE_CONFIG="$WORK/ansible.cfg" ANSIBLE_LOCAL_TEMP="$WORK/tmp"

serve() { # serve INVENTORY → starts lab serve and waits until it listens
  "$ROOT/trustchain" lab serve -i "$1" > "$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  for _ in $(seq 1 600); do grep -q '^Serving' "$WORK/serve.log" && return; sleep 0.1; done
  cat "$WORK/serve.log" >&2; exit 1
}

cat > "$WORK/checks.yml" <<'YAML'
- name: The checks trustchain's facts script makes, one raw task each
  hosts: lab
  gather_facts: false
  tasks:
    - raw: sw_vers
    - raw: uname -m
    - raw: dscl . -list /Users UniqueID
    - raw: dscl . -read /Groups/admin GroupMembership
    - raw: dscl . -read /Users/{{ item }} RecordName UniqueID RealName GeneratedUID NFSHomeDirectory UserShell AuthenticationAuthority IsHidden
      loop: [ladmin, tcadmin, alice, bob]
      failed_when: false     # bob exists on some Macs only
    - raw: sysadminctl -secureTokenStatus {{ item }}
      loop: [ladmin, tcadmin, alice, bob]
    - raw: diskutil apfs listCryptoUsers /
    - raw: fdesetup status
      failed_when: false
    - raw: fdesetup list
      failed_when: false
    - raw: fdesetup showdeferralinfo
      failed_when: false
    - raw: fdesetup haspersonalrecoverykey
    - raw: fdesetup hasinstitutionalrecoverykey
    - raw: profiles status -type bootstraptoken
    - raw: profiles status -type enrollment
    - raw: defaults read /Library/Preferences/com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass
      failed_when: false
YAML

seconds() { # seconds CMD... → wall-clock seconds of one run (output discarded; failure aborts)
  local start end
  start=$(date +%s.%N)
  "$@" > "$WORK/last.out" 2>&1 || { tail -n 25 "$WORK/last.out" >&2; echo "bench: failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

inventory "$HOSTS" 24000 > "$WORK/inv/fleet.yml"
serve "$WORK/inv/fleet.yml"
"$ROOT/trustchain" facts -i "$WORK/inv/fleet.yml" > /dev/null   # warm the lab's hosts (state, keys)

tc=$(for _ in $(seq "$RUNS"); do seconds "$ROOT/trustchain" facts -i "$WORK/inv/fleet.yml" -f "$FORKS" --format json; done | median)
an=$(for _ in $(seq "$RUNS"); do seconds ansible-playbook -i "$WORK/inv/fleet.yml" -f "$FORKS" "$WORK/checks.yml"; done | median)
execs=$(grep -c 'raw:' "$WORK/checks.yml")
tasks=$((execs + 6))   # two tasks loop over four users
printf '\n%d simulated Macs, %d forks, median of %d runs (wall clock, start-up included)\n' "$HOSTS" "$FORKS" "$RUNS"
printf '  trustchain facts   : %6.2f s  (1 SSH exec per host)\n' "$tc"
printf '  ansible-playbook   : %6.2f s  (%d raw execs per host)\n' "$an" "$tasks"
printf '  trustchain is %.1fx faster\n' "$(echo "$an / $tc" | bc -l)"

if [ "$BIG" -gt 0 ]; then
  kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""
  inventory "$BIG" 26000 > "$WORK/inv/big.yml"
  serve "$WORK/inv/big.yml"
  TRUSTCHAIN_JAVA_OPTS="-Xmx128m" "$ROOT/trustchain" facts -i "$WORK/inv/big.yml" > /dev/null   # warm
  start=$(date +%s.%N)
  TRUSTCHAIN_JAVA_OPTS="-Xmx128m" /usr/bin/time -f '%M' -o "$WORK/rss" \
    "$ROOT/trustchain" facts -i "$WORK/inv/big.yml" -f 50 --format json > "$WORK/big.json"
  end=$(date +%s.%N)
  hosts_ok=$(grep -c '"reachable" : true\|"reachable": true' "$WORK/big.json" || true)
  printf '\n%d simulated Macs with -Xmx128m and 50 forks: %.2f s, max RSS %d MiB, %d hosts gathered\n' \
    "$BIG" "$(echo "$end - $start" | bc)" $(( $(cat "$WORK/rss") / 1024 )) "$hosts_ok"
fi
