#!/usr/bin/env bash
# The benchmark: trustchain against the SSH floor and against Ansible, on the same simulated Macs.
#
#   bench/bench.sh [--sizes "20 200 1000"] [--runs 5] [--forks 20] [--tasks-max 200] [--script-max 200]
#                  [--task-runs 1] [--big 10000] [--port 40000] [--keep DIR]
#
# For each fleet size N, one `trustchain lab serve` (its own process) serves N simulated Macs, and the
# commands below run against it; each is timed by wall clock (start-up included) and by the CPU time
# of its own processes (user + system), with the lab's CPU counted apart. Medians of --runs runs.
#
#   floor    `trustchain ping`: sshj connect, authenticate, run `true` (through sudo, as facts does)
#   facts    `trustchain facts --format json`: one SSH exec per host runs every check
#   plan     `trustchain plan` of bench/playbook.yml (site.yml's user resources on every Mac)
#   script   `ansible-playbook`, one `raw` task per host running the same checks as one script
#   tasks    `ansible-playbook`, one `raw` task per check (23 execs per host), as a playbook of checks
#
# Ansible runs with its best settings for this: Debian's ansible-core, OpenSSH with ControlPersist
# (the masters' CPU is counted), pipelining, no fact gathering, the free strategy, the same forks.
# It is skipped above --script-max / --tasks-max hosts (one task per check takes ≈1 s per host here).
# --big N also runs facts and plan over N Macs with -Xmx512m and reports the maximum RSS.
# The machine must be otherwise idle: two processes share its cores with the lab.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES="20 200 1000" RUNS=5 FORKS=20 TASKS_MAX=200 SCRIPT_MAX=200 TASK_RUNS=1 BIG=0 PORT=40000 KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --forks) FORKS=$2; shift 2 ;;
    --tasks-max) TASKS_MAX=$2; shift 2 ;;
    --script-max) SCRIPT_MAX=$2; shift 2 ;;
    --task-runs) TASK_RUNS=$2; shift 2 ;;
    --big) BIG=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
command -v ansible-playbook >/dev/null || { echo "bench: needs ansible-core (apt-get install ansible-core)" >&2; exit 1; }
"$ROOT/trustchain" --version >/dev/null   # build first, outside the timings
# and make the start-up cache of each kind of command (Java 25: once per build) outside them too: the first
# `lab serve` would otherwise count the offline commands' cache in "lab ready"
"$ROOT/trustchain" lab --help >/dev/null
"$ROOT/trustchain" ping --help >/dev/null
TC="$ROOT/trustchain"
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
SERVE_PID=""
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  [ -z "$KEEP" ] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT
log() { printf 'bench: %s\n' "$*" >&2; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }   # user+system, clock ticks
HZ=$(getconf CLK_TCK)
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print a[int((NR+1)/2)]}'; }

# measure NAME CMD... : one run; appends "wall cpu labcpu rss" to $WORK/N/NAME (seconds, seconds, seconds, MiB)
measure() {
  local name=$1; shift
  local out="$DIR/$name.out" t0 t1 l0 l1 extra=0
  l0=$(ticks "$SERVE_PID"); t0=$(date +%s.%N)
  if ! /usr/bin/time -f '%U %S %M' -o "$DIR/time" "$@" > "$out" 2> "$DIR/$name.err"; then
    tail -n 20 "$DIR/$name.err" >&2; log "failed: $*"; exit 1
  fi
  t1=$(date +%s.%N); l1=$(ticks "$SERVE_PID")
  if [ "$name" = script ] || [ "$name" = tasks ]; then extra=$(ssh_masters_cpu); fi
  read -r user sys rss < <(tail -n 1 "$DIR/time")
  echo "$(echo "$t1 - $t0" | bc) $(echo "$user + $sys + $extra" | bc) $(echo "($l1 - $l0) / $HZ" | bc -l) $((rss / 1024))" \
    >> "$DIR/$name"
}

# The CPU of Ansible's ControlPersist masters (daemons, so /usr/bin/time misses them); they are stopped.
ssh_masters_cpu() {
  local total=0 pid
  for pid in $(pgrep -f "$DIR/cp/" || true); do
    total=$((total + $(ticks "$pid")))
  done
  for sock in "$DIR"/cp/*; do [ -S "$sock" ] && ssh -o ControlPath="$sock" -O exit dummy 2>/dev/null || true; done
  echo "$total / $HZ" | bc -l
}

# col NAME FIELD : the median of one field over the runs of NAME (1 wall, 2 cpu, 3 lab cpu, 4 rss)
col() { [ -f "$DIR/$1" ] && awk -v f="$2" '{print $f}' "$DIR/$1" | median || echo nan; }

checks() { # the facts script's checks, one per line (users: the scenarios' accounts)
  cat <<'SH'
sw_vers
uname -m
dscl . -list /Users UniqueID
dscl . -read /Groups/admin GroupMembership
SH
  for u in ladmin tcadmin alice bob; do
    echo "dscl . -read /Users/$u RecordName UniqueID RealName GeneratedUID NFSHomeDirectory UserShell AuthenticationAuthority IsHidden"
    echo "sysadminctl -secureTokenStatus $u"
  done
  cat <<'SH'
diskutil apfs listCryptoUsers /
fdesetup status
fdesetup isactive
fdesetup list
fdesetup showdeferralinfo
fdesetup haspersonalrecoverykey
fdesetup hasinstitutionalrecoverykey
profiles status -type bootstraptoken
profiles status -type enrollment
defaults read /Library/Preferences/com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass
date -u +%Y-%m-%dT%H:%M:%SZ
cat /var/db/trustchain-filevault-deferral
[ -s /var/db/trustchain-filevault.plist ]
SH
}

prepare() { # prepare N → $DIR with the inventory, ansible.cfg and playbooks
  local n=$1
  DIR="$WORK/$n"
  rm -rf "$DIR"; mkdir -p "$DIR/inv/group_vars" "$DIR/cp" "$DIR/tmp"
  cp "$ROOT/inventory/group_vars/lab.yml" "$DIR/inv/group_vars/lab.yml"
  "$ROOT/bench/fleet.sh" "$n" "$PORT" "$DIR/lab" > "$DIR/inv/fleet.yml"
  cp "$ROOT/bench/playbook.yml" "$DIR/playbook.yml"
  cat > "$DIR/ansible.cfg" <<CFG
[defaults]
inventory = $DIR/inv/fleet.yml
vault_password_file = $ROOT/lab/secrets/vault-password
forks = $FORKS
strategy = free
gathering = explicit
host_key_checking = True
timeout = 60
local_tmp = $DIR/tmp
[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=120s
control_path_dir = $DIR/cp
CFG
  { printf -- '- name: The facts checks, one raw task each\n  hosts: lab\n  gather_facts: false\n  tasks:\n'
    checks | while IFS= read -r c; do
      printf '    - raw: %s\n      failed_when: false\n' "'${c//\'/\'\'}'"
    done
  } > "$DIR/tasks.yml"
  { printf -- '- name: The facts checks as one raw script\n  hosts: lab\n  gather_facts: false\n  tasks:\n'
    printf '    - raw: |\n'
    checks | sed 's/^/        /'
    printf '      failed_when: false\n'
  } > "$DIR/script.yml"
}

serve() { # starts lab serve for $DIR and waits until it listens; records how long that took
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$DIR" && exec "$TC" lab serve -i inv/fleet.yml) > "$DIR/serve.log" 2>&1 &
  SERVE_PID=$!
  until grep -q '^Serving' "$DIR/serve.log"; do
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$DIR/serve.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) $(echo "$(ticks "$SERVE_PID") / $HZ" | bc -l)" > "$DIR/ready"
}

unserve() { kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""; }

export ANSIBLE_CONFIG
for n in $SIZES; do
  prepare "$n"
  ANSIBLE_CONFIG="$DIR/ansible.cfg"
  log "N=$n: lab serve"
  serve
  cd "$DIR"
  # Two untimed rounds: the first commands create each Mac's state, and the lab's JVM compiles its hot code over
  # the first few thousand SSH sessions; the timed runs (and Ansible's, which come after them) meet a warm lab.
  log "N=$n: warming up (two untimed rounds: each Mac's state, the lab's compiled code)"
  w0=$(ticks "$SERVE_PID")
  for r in 1 2; do
    "$TC" ping -i inv/fleet.yml -f "$FORKS" > /dev/null
    "$TC" facts -i inv/fleet.yml -f "$FORKS" --format json > /dev/null
    "$TC" plan -i inv/fleet.yml -f "$FORKS" playbook.yml > /dev/null
  done
  echo "$(( $(ticks "$SERVE_PID") - w0 ))" > "$DIR/warmup"   # the lab's CPU over the six warm-up commands
  for r in $(seq "$RUNS"); do
    log "N=$n: run $r/$RUNS: ping, facts, plan"
    measure ping "$TC" ping -i inv/fleet.yml -f "$FORKS"
    measure facts "$TC" facts -i inv/fleet.yml -f "$FORKS" --format json
    measure plan "$TC" plan -i inv/fleet.yml -f "$FORKS" playbook.yml
  done
  grep -q '"reachable": false' facts.out && { log "N=$n: some hosts were unreachable"; exit 1; }
  if [ "$n" -le "$SCRIPT_MAX" ]; then
    for r in $(seq "$RUNS"); do
      log "N=$n: run $r/$RUNS: ansible, one raw script per host"
      measure script ansible-playbook -f "$FORKS" script.yml
    done
  fi
  if [ "$n" -le "$TASKS_MAX" ]; then
    for r in $(seq "$TASK_RUNS"); do
      log "N=$n: run $r/$TASK_RUNS: ansible, one raw task per check"
      measure tasks ansible-playbook -f "$FORKS" tasks.yml
    done
  fi
  cd "$WORK"
  unserve
done

if [ "$BIG" -gt 0 ]; then
  prepare "$BIG"
  log "N=$BIG: lab serve, then facts and plan with -Xmx512m"
  serve
  cd "$DIR"
  "$TC" facts -i inv/fleet.yml -f "$FORKS" --format json > /dev/null
  TRUSTCHAIN_JAVA_OPTS="-Xmx512m" measure bigfacts "$TC" facts -i inv/fleet.yml -f "$FORKS" --format json
  TRUSTCHAIN_JAVA_OPTS="-Xmx512m" measure bigplan "$TC" plan -i inv/fleet.yml -f "$FORKS" playbook.yml
  BIG_OK=$(grep -c '"reachable": true' bigfacts.out || true)
  cd "$WORK"
  unserve
fi

# The report (Markdown), from the medians.
cell() { # cell NAME → "wall s (cpu s)" or —
  [ -f "$DIR/$1" ] || { printf '—'; return; }
  printf '%.2f s (CPU %.2f s)' "$(col "$1" 1)" "$(col "$1" 2)"
}
ratio() { # ratio A FIELD_A B FIELD_B → A/B with 2 decimals, or —
  [ -f "$DIR/$1" ] && [ -f "$DIR/$3" ] || { printf '—'; return; }
  printf '%.2f×' "$(echo "$(col "$1" "$2") / $(col "$3" "$4")" | bc -l)"
}
# pratio A FIELD_A B FIELD_B → the median over the runs of A's run r ÷ B's run r: ping, facts and plan of one run
# are seconds apart, so a machine that changes speed between runs moves both sides of each quotient alike
pratio() {
  [ -f "$DIR/$1" ] && [ -f "$DIR/$3" ] || { printf '—'; return; }
  printf '%.2f×' "$(paste -d' ' <(awk -v f="$2" '{print $f}' "$DIR/$1") <(awk -v f="$4" '{print $f}' "$DIR/$3") \
    | awk '{print $1 / $2}' | median)"
}
echo
echo "Medians of $RUNS runs ($TASK_RUNS for one task per check), $FORKS forks, $(nproc) cores; wall clock of the whole"
echo "command, start-up included, and the CPU time of its own processes (the lab's apart)."
echo
echo "| N Macs | lab ready (warm-up: lab CPU per Mac and command) | floor: \`trustchain ping\` | \`trustchain facts\` | \`trustchain plan\` | Ansible, one raw script per host | Ansible, one raw task per check |"
echo "|---|---|---|---|---|---|---|"
for n in $SIZES; do
  DIR="$WORK/$n"
  read -r rw rc < "$DIR/ready"
  printf '| %s | %.1f s (%.1f ms) | %s | %s | %s | %s | %s |\n' "$n" "$rw" \
    "$(echo "$(cat "$DIR/warmup") / $HZ * 1000 / 6 / $n" | bc -l)" "$(cell ping)" "$(cell facts)" "$(cell plan)" \
    "$(cell script)" "$(cell tasks)"
done
echo
echo "The ratios to the floor are medians of each run's own quotient (its facts or plan over its ping); the ratios to"
echo "Ansible, which runs after them, are quotients of medians."
echo
echo "| N Macs | facts ÷ floor, CPU | plan ÷ floor, CPU | facts ÷ floor, wall | plan ÷ floor, wall | Ansible script ÷ facts | Ansible tasks ÷ facts | lab CPU per Mac: ping, facts, plan |"
echo "|---|---|---|---|---|---|---|---|"
for n in $SIZES; do
  DIR="$WORK/$n"
  printf '| %s | %s | %s | %s | %s | %s | %s | %.1f, %.1f, %.1f ms |\n' "$n" \
    "$(pratio facts 2 ping 2)" "$(pratio plan 2 ping 2)" "$(pratio facts 1 ping 1)" "$(pratio plan 1 ping 1)" \
    "$(ratio script 1 facts 1)" "$(ratio tasks 1 facts 1)" \
    "$(echo "$(col ping 3) * 1000 / $n" | bc -l)" "$(echo "$(col facts 3) * 1000 / $n" | bc -l)" \
    "$(echo "$(col plan 3) * 1000 / $n" | bc -l)"
done
if [ "$BIG" -gt 0 ]; then
  DIR="$WORK/$BIG"
  echo
  printf '%s Macs with -Xmx512m: facts %s, max RSS %s MiB (%s hosts gathered); plan %s, max RSS %s MiB; lab ready in %.1f s\n' \
    "$BIG" "$(cell bigfacts)" "$(col bigfacts 4)" "$BIG_OK" "$(cell bigplan)" "$(col bigplan 4)" "$(cut -d' ' -f1 "$DIR/ready")"
fi
