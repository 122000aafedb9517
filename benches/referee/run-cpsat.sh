#!/bin/sh
# Records OR-Tools CP-SAT's result for each portfolio here as NAME.cpsat.json (run from the
# repository root; needs `pip install ortools pyyaml` and ../shared/referee/referee.py).
# One portfolio at a time, 2 workers, 120 s each: about 40 minutes for all of them.
# `benches/referee/run-cpsat.sh y100-3` re-records one.
set -eu
dir=benches/referee
referee=${REFEREE:-../shared/referee/referee.py}
limit=${TIME_LIMIT:-120}
names=${*:-$(cd "$dir" && ls *.yaml | sed 's/\.yaml$//')}
for name in $names; do
  command="python3 $referee $dir/$name.yaml --time-limit $limit"
  result=$($command)
  machine="$(nproc) cores, $(uname -m), ortools $(python3 -c 'import ortools; print(ortools.__version__)')"
  printf '{"command": "%s", "machine": "%s", "date": "%s", "result": %s}\n' \
    "$command" "$machine" "$(date -u +%Y-%m-%d)" "$result" > "$dir/$name.cpsat.json"
  echo "$name: $(python3 -c "import json,sys; r=json.load(open('$dir/$name.cpsat.json'))['result']; print(r['status'], r['objective'], r['bound'], round(r['seconds'],1), r.get('self_check_problems'))")"
done
