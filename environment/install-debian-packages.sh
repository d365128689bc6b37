#!/usr/bin/env bash
# Installs, from Debian's own packages, the peers that EcoNotebooks' interop tests and tools use:
#   gdal-bin, python3-gdal    GDAL 3.6: writes GeoTIFFs the way real data arrives and checks what econb writes
#   libdeflate0               optional accelerator for DEFLATE GeoTIFF tiles (econb falls back to .NET's zlib without it)
#   python3-numpy/scipy       reference values and the numpy baseline for benchmarks
#   jupyter-nbconvert, nbclient, ipykernel   run notebooks through the real .NET Interactive kernel
#   chromium                  headless rendering of the HTML reports (offline chart check, --png)
#   r-base-core + r-cran-*    (only with --with-r) regenerate the committed R reference values
# Needs root (or sudo). Safe to run twice. Usage: environment/install-debian-packages.sh [--with-r]
set -euo pipefail
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
pkgs=(gdal-bin python3-gdal libdeflate0 python3-numpy python3-scipy jupyter-nbconvert python3-nbclient python3-ipykernel chromium)
[[ "${1:-}" == "--with-r" ]] && pkgs+=(r-base-core r-cran-vegan r-cran-randomforest r-cran-gstat r-cran-classint)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "Installing from Debian: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "Debian packages already installed: ${pkgs[*]}"
fi
