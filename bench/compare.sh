#!/usr/bin/env bash
# Runs every benchmark workload in EcoNotebooks (econb-bench) and in its peer (R randomForest/gstat, numpy/scipy) on
# this machine in one run, and writes bench/RESULTS.md: medians of wall and CPU seconds, peak resident memory
# (/usr/bin/time -v "Maximum resident set size") and the ratio peer/ours, with the machine description.
# Installs nothing: missing peers are reported (with the apt-get line) and their rows say "peer missing".
#
#   bench/compare.sh [--stack-scale S] [--scale S] [--reps N] [--work DIR] [--only a,b,...] [--out FILE]
#     --stack-scale  side of the composite stack = 10,000 × S (default 1 = 17 × 10,000² float32, ~7 GB of GeoTIFF)
#     --scale        side of the kriging grid (1,000 × S) and local-correlation rasters (4,000 × S) (default 1)
#     --reps         repetitions per side (default 3; the median is reported)
#     --work         scratch directory for generated inputs and outputs (default /tmp/econb-bench)
#     --append       add to the work directory's earlier results.jsonl (e.g. a later --only run) instead of starting afresh
#     --only         comma-separated subset of: composite,rf,krige,lcorr,casa,factorial,permafrost,enkf,reproduce
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
stack_scale=1; scale=1; reps=3; work=/tmp/econb-bench; only="composite,rf,krige,lcorr,casa,factorial,permafrost,enkf,reproduce"; out="$here/RESULTS.md"; append=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stack-scale) stack_scale="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --append) append=1; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
want() { [[ ",$only," == *",$1,"* ]]; }
mkdir -p "$work"
results="$work/results.jsonl"; ((append)) || : > "$results"

# ---------------------------------------------------------------- peers present?
missing=()
have_time=1; [[ -x /usr/bin/time ]] || { have_time=0; missing+=("/usr/bin/time (apt-get install time): peak memory not measured"); }
have_r=0
if command -v Rscript >/dev/null 2>&1; then
  if Rscript -e 'for (p in c("randomForest","gstat","sp","jsonlite")) if (!requireNamespace(p, quietly=TRUE)) quit(status=1)' >/dev/null 2>&1; then have_r=1
  else missing+=("R packages randomForest/gstat/sp/jsonlite (apt-get install r-cran-randomforest r-cran-gstat r-cran-sp r-cran-jsonlite)"); fi
else missing+=("Rscript (apt-get install r-base-core r-cran-randomforest r-cran-gstat r-cran-jsonlite)"); fi
py=/usr/bin/python3; have_np=0; have_gdal=0
if [[ -x $py ]]; then
  if $py -c 'import numpy, scipy' >/dev/null 2>&1; then have_np=1; else missing+=("numpy/scipy for /usr/bin/python3 (apt-get install python3-numpy python3-scipy)"); fi
  if $py -c 'from osgeo import gdal' >/dev/null 2>&1; then have_gdal=1; else missing+=("GDAL for /usr/bin/python3, needed by the composite peer (apt-get install python3-gdal)"); fi
else missing+=("/usr/bin/python3 (apt-get install python3 python3-numpy python3-scipy python3-gdal)"); fi
if ((${#missing[@]})); then
  echo "compare.sh: missing (nothing is installed automatically):" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "  all peers: apt-get install r-base-core r-cran-randomforest r-cran-gstat r-cran-jsonlite python3-numpy python3-scipy python3-gdal time" >&2
fi

# ---------------------------------------------------------------- build our side
echo "== building econb-bench (Release)" >&2
dotnet build "$root/bench/EcoNotebooks.Bench/EcoNotebooks.Bench.csproj" -c Release -v q -nologo >&2
bench="$root/bench/EcoNotebooks.Bench/bin/Release/net10.0/econb-bench"

# run CASE SIDE REP cmd...: runs cmd under /usr/bin/time -v, appends {"case","side","rep","rss_kb","out"} to results
run() {
  local case="$1" side="$2" rep="$3"; shift 3
  local o="$work/.out" e="$work/.err" rss=null
  if ((have_time)); then /usr/bin/time -v "$@" >"$o" 2>"$e" || { echo "compare.sh: $case/$side failed:" >&2; tail -5 "$e" >&2; return 0; }
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$e")
  else "$@" >"$o" 2>"$e" || { echo "compare.sh: $case/$side failed:" >&2; tail -5 "$e" >&2; return 0; }; fi
  local json; json=$(grep '^{' "$o" | tail -1)
  echo "{\"case\": \"$case\", \"side\": \"$side\", \"rep\": $rep, \"rss_kb\": $rss, \"out\": $json}" >> "$results"
  echo "   $case $side #$rep: $(echo "$json" | grep -o '"seconds": *[0-9.e+-]*' | head -1)" >&2
}
side_of() { awk -v s="$1" 'BEGIN{printf "%d", s}'; }
stack_side=$(awk -v s="$stack_scale" 'BEGIN{printf "%d", 10000*s}')
krige_side=$(awk -v s="$scale" 'BEGIN{printf "%d", 1000*s}')
lc_side=$(awk -v s="$scale" 'BEGIN{printf "%d", 4000*s}')

# ---------------------------------------------------------------- inputs (generated once, not timed)
if want rf || want krige; then
  [[ -f "$work/changhe/rf_design.csv" ]] || { echo "== preparing Changhe inputs" >&2; "$bench" prepare-changhe --dir "$work/changhe" >&2; }
fi
if want composite; then
  sd="$work/stack$stack_side"
  [[ -f "$sd/meta.json" ]] || { echo "== generating the ${stack_side}² stack of 17 tiled GeoTIFFs (slow at full size)" >&2; "$bench" prepare-stack --dir "$sd" --size "$stack_side" >&2; }
fi
if want lcorr; then
  ld="$work/lc$lc_side"
  [[ -f "$ld/lcorr.json" ]] || { echo "== preparing ${lc_side}² local-correlation rasters" >&2; "$bench" prepare-lcorr --dir "$ld" --size "$lc_side" >&2; }
fi

# ---------------------------------------------------------------- workloads, sides interleaved per repetition
for ((rep = 1; rep <= reps; rep++)); do
  echo "== repetition $rep/$reps" >&2
  if want composite; then
    run composite econb "$rep" "$bench" composite --dir "$sd" --out "$work/out"
    ((have_np && have_gdal)) && run composite numpy "$rep" "$py" "$here/peers/composite.py" "$sd" "$work/out"
  fi
  if want rf; then
    run rf econb "$rep" "$bench" rf --dir "$work/changhe"
    ((have_r)) && run rf R "$rep" Rscript "$here/peers/rf.R" "$work/changhe"
  fi
  if want krige; then
    run krige econb "$rep" "$bench" krige --dir "$work/changhe" --size "$krige_side" --out "$work/krige_econb"
    ((have_r)) && run krige R "$rep" Rscript "$here/peers/krige.R" "$work/changhe" "$krige_side" "$work/krige_gstat"
  fi
  if want lcorr; then
    for w in 3 31 101; do
      run "lcorr_w$w" econb "$rep" "$bench" lcorr --dir "$ld" --window "$w"
      ((have_np)) && run "lcorr_w$w" numpy "$rep" "$py" "$here/peers/lcorr.py" "$ld" "$w"
    done
  fi
  if want casa; then run casa econb "$rep" "$bench" casa; fi
  if want factorial; then run factorial econb "$rep" "$bench" factorial; fi
  if want permafrost; then run permafrost econb "$rep" "$bench" permafrost --years 100; fi
  if want enkf; then run enkf econb "$rep" "$bench" enkf --members 100 --years 5; fi
done

# ---------------------------------------------------------------- econb reproduce of every notebook, cold start
if want reproduce; then
  echo "== econb reproduce (all notebooks, fresh process each repetition)" >&2
  dotnet build "$root/src/EcoNotebooks.Cli/EcoNotebooks.Cli.csproj" -c Release -v q -nologo >&2
  econb="$root/src/EcoNotebooks.Cli/bin/Release/net10.0/econb"
  nb=$(shopt -s nullglob; f=("$root"/notebooks/*.ipynb "$root"/notebooks/*.dib); echo ${#f[@]})
  for ((rep = 1; rep <= reps; rep++)); do
    rm -rf "$work/reports"
    t0=$(date +%s.%N)
    if (cd "$root" && /usr/bin/time -v "$econb" reproduce --out "$work/reports" >"$work/.rout" 2>"$work/.rerr"); then status=ok; else status=failed; fi
    t1=$(date +%s.%N)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/.rerr"); rss=${rss:-null}
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/.rerr")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
    echo "{\"case\": \"reproduce\", \"side\": \"econb\", \"rep\": $rep, \"rss_kb\": $rss, \"out\": {\"workload\": \"reproduce\", \"seconds\": $secs, \"cpu_seconds\": $cpu, \"notebooks\": $nb, \"status\": \"$status\"}}" >> "$results"
    echo "   reproduce #$rep: $secs s ($status, $nb notebooks)" >&2
    cp "$work/.rerr" "$work/reproduce-stderr-$rep.txt"
  done
fi

# ---------------------------------------------------------------- kriging agreement (max |difference|)
if want krige && [[ -f "$work/krige_gstat.pred.f64" ]] && ((have_np)); then
  $py - "$work" >> "$results" <<'PY'
import json, sys, numpy as np
w = sys.argv[1]
a = {k: np.fromfile(f"{w}/krige_econb.{k}.f64") for k in ("pred", "var")}
b = {k: np.fromfile(f"{w}/krige_gstat.{k}.f64") for k in ("pred", "var")}
print(json.dumps({"case": "krige_agreement", "max_abs_pred": float(np.max(np.abs(a["pred"] - b["pred"]))),
                  "max_abs_var": float(np.max(np.abs(a["var"] - b["var"]))), "n": int(a["pred"].size)}))
PY
fi

# ---------------------------------------------------------------- report
rpy=$py; [[ -x $rpy ]] || rpy=python3
printf '%s\n' "${missing[@]+"${missing[@]}"}" > "$work/missing.txt"
$rpy "$here/report.py" "$results" "$out" "$work/missing.txt" "stack_side=$stack_side" "krige_side=$krige_side" "lc_side=$lc_side" "reps=$reps"
echo "== wrote $out" >&2
