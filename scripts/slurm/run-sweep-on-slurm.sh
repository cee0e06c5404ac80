#!/usr/bin/env bash
# A real Slurm run of a bigclient sweep, end to end, on this one machine:
#   1. install Slurm and MUNGE from Debian's packages if they are missing;
#   2. start munged and a one-node Slurm cluster (slurmctld + slurmd) with a minimal config;
#   3. submit the sweep as a job array (`sbatch --array=1-N`), one shard per array task;
#   4. wait, merge the shards, and check the result equals a single-machine run byte for byte;
#   5. stop the daemons by PID.
# Usage: scripts/slurm/run-sweep-on-slurm.sh [BIGCLIENT_BINARY]   (root; about 10–20 s of set-up)
# docs/scaling.md explains each step; the same job script works on a real cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
binary=$(realpath "${1:-.build/release/bigclient}")
shards=3
work=$(mktemp -d /tmp/bigclient-slurm.XXXXXX)
chmod 755 "$work"   # munged runs as the munge user and must reach its pid file
conf=$work/slurm.conf
export SLURM_CONF=$conf

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  echo "installing Slurm and MUNGE from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null; }
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# MUNGE: the key is created by the package; the socket directory is not (no systemd here).
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
[ -f /etc/munge/munge.key ] || { mungekey --create 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
mkdir -p "$work/munge" && chown munge:munge "$work/munge"
runuser -u munge -- /usr/sbin/munged --pid-file="$work/munge/munged.pid" --socket=/run/munge/munge.socket.2 --force
for _ in $(seq 50); do [ -s "$work/munge/munged.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
memory=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool" "$work/logs"
cat > "$conf" <<CONF
ClusterName=bigclient-test
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -f "$conf"
for _ in $(seq 50); do [ -s "$work/slurmctld.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$conf"
for _ in $(seq 50); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.2
done
sinfo

# The sweep, once on this machine and once as a Slurm job array of $shards shards.
sweep=(sweep scenarios/sweeps/staffing-overtime.json5 --replications 4 --horizon-days 180 --warmup-days 30 --jobs 1 --quiet)
"$binary" "${sweep[@]}" --out "$work/single"
cat > "$work/job.sh" <<JOB
#!/usr/bin/env bash
#SBATCH --job-name=bigclient-sweep
#SBATCH --output=$work/logs/shard-%a.out
#SBATCH --cpus-per-task=1
cd "$repo"
exec "$binary" ${sweep[*]} --shard \${SLURM_ARRAY_TASK_ID}/$shards --out "$work/shard-\${SLURM_ARRAY_TASK_ID}"
JOB
sbatch --wait --array=1-$shards "$work/job.sh"
"$binary" merge $(for k in $(seq $shards); do echo "$work/shard-$k"; done) --out "$work/merged"
for f in replications.csv summary.csv comparison.csv sweep.json; do
  cmp "$work/single/$f" "$work/merged/$f"
done
echo "slurm: $shards-shard job array merged equals the single-machine run, byte for byte"
