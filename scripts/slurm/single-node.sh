#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for tests and benchmarks (Debian 12, as root, no
# systemd). Method and findings: ../shared/notes/slurm-single-node.md.
#
#   scripts/slurm/single-node.sh start DIR   # config, state and logs in DIR; prints SLURM_CONF=DIR/slurm.conf
#   scripts/slurm/single-node.sh stop DIR    # stops exactly the daemons `start DIR` started
#
# Packages: slurmctld slurmd slurm-client munge (scripts/setup.sh installs them). The daemons use
# free TCP ports, so this does not clash with another Slurm on the machine. A munged already
# running is reused and left running; one started here is stopped here. If `start` fails midway,
# it stops what it had started.
set -euo pipefail

command=${1:-}; dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
export SLURM_CONF="$dir/slurm.conf"

alive() {  # $1: pid; a zombie (exited, not yet reaped by its parent) counts as gone
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null || true)
  [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

stop_pid_file() {  # $1: pid file; TERM, then KILL after 10 s
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null || true)
  if [ -n "$pid" ] && alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 200); do alive "$pid" || break; sleep 0.05; done
    if alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

stop() {
  stop_pid_file "$dir/slurmd.pid" &
  stop_pid_file "$dir/slurmctld.pid" &
  wait
  if [ -f "$dir/munged.started" ]; then
    stop_pid_file /run/munge/munged.pid
    rm -f "$dir/munged.started"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  for binary in slurmctld slurmd munged sinfo; do
    command -v "$binary" >/dev/null 2>&1 || [ -x "/usr/sbin/$binary" ] || {
      echo "error: $binary not found; install slurmctld slurmd slurm-client munge (scripts/setup.sh)" >&2; exit 3; }
  done
  trap 'stop' ERR
  local host cpus
  host=$(hostname -s)
  cpus=$(nproc)
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  cat > "$SLURM_CONF" <<CONF
ClusterName=takt-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0,bf_interval=1
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
MaxArraySize=100001
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  if ! (munge -n | unmunge) >/dev/null 2>&1; then
    install -d -o munge -g munge -m 755 /run/munge
    runuser -u munge -- /usr/sbin/munged
    touch "$dir/munged.started"
    for _ in $(seq 50); do (munge -n | unmunge) >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  /usr/sbin/slurmctld
  /usr/sbin/slurmd
  local state=""
  for _ in $(seq 200); do
    state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 0.1
  done
  if [ "$state" != idle ]; then
    echo "error: the node did not become idle (state '$state'); logs in $dir/log" >&2
    stop; exit 4
  fi
  trap - ERR
  echo "SLURM_CONF=$SLURM_CONF"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
