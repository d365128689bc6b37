#!/usr/bin/env bash
# Sets up the Jupyter path for EcoNotebooks notebooks on Debian/Ubuntu:
#   1. Debian packages: jupyter-nbconvert, python3-nbclient, python3-ipykernel (via install-debian-packages.sh,
#      which also installs the other interop peers: GDAL, numpy/scipy, chromium);
#   2. the .NET Interactive kernel: `dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001`
#      (skipped when that version is already installed);
#   3. kernel registration: `dotnet interactive jupyter install` (adds ".NET (C#)", ".NET (F#)" … to Jupyter);
#   4. builds the library the notebooks load into artifacts/notebook-lib, so the first cell does not have to.
# Then: `jupyter lab` (if installed), or headless: `jupyter nbconvert --to notebook --execute notebooks/X.ipynb`.
# Needs root or sudo for step 1. Safe to run twice. Usage: environment/setup-jupyter.sh [--no-apt]
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.0.712001
TOOLS="$HOME/.dotnet/tools"

if [[ "${1:-}" != "--no-apt" ]]; then bash environment/install-debian-packages.sh; fi
command -v jupyter >/dev/null || { echo "setup-jupyter: 'jupyter' is not on PATH after installing jupyter-nbconvert." >&2; exit 1; }
command -v dotnet >/dev/null || { echo "setup-jupyter: the .NET 10 SDK ('dotnet') is required: https://dotnet.microsoft.com/download" >&2; exit 1; }

export PATH="$PATH:$TOOLS"
installed=$(dotnet tool list -g | awk 'tolower($1)=="microsoft.dotnet-interactive"{print $2}')
if [[ "$installed" == "$VERSION" ]]; then
  echo "dotnet-interactive $VERSION already installed."
elif [[ -n "$installed" ]]; then
  echo "Replacing dotnet-interactive $installed by $VERSION."
  dotnet tool uninstall -g Microsoft.dotnet-interactive >/dev/null
  dotnet tool install -g Microsoft.dotnet-interactive --version "$VERSION"
else
  dotnet tool install -g Microsoft.dotnet-interactive --version "$VERSION"
fi

mkdir -p "$HOME/.local/share/jupyter/kernels"
dotnet interactive jupyter install

echo "Building the notebook library into artifacts/notebook-lib …"
dotnet build src/EcoNotebooks.Interactive/EcoNotebooks.Interactive.csproj -c Release -o artifacts/notebook-lib -nologo -v q -p:GenerateDocumentationFile=true
touch artifacts/notebook-lib/EcoNotebooks.Interactive.dll

if ! grep -qs '.dotnet/tools' "$HOME/.bashrc" "$HOME/.profile" 2>/dev/null; then
  echo
  echo "NOTE: Jupyter starts the kernel with 'dotnet interactive', which needs $TOOLS on PATH."
  echo "      Add it permanently:  echo 'export PATH=\"\$PATH:$TOOLS\"' >> ~/.bashrc"
fi
echo "Jupyter is ready: the '.NET (C#)' kernel runs notebooks/*.ipynb (first cell: #load \"_bootstrap.csx\")."
