#!/usr/bin/env bash
# Validates the Kubernetes manifests offline: renders each kustomization (kubectl's built-in kustomize, when kubectl
# is on the machine), checks every object against the Kubernetes API schemas of the npm package kubernetes-models,
# checks field names strictly, and lints the Dockerfiles in deploy/docker/ (k8s/validate/validate.mjs says how).
# Docker itself is not needed (nor run): the images are not built here. Prints one summary line:
#   k8s: valid, 35 documents from 2 kustomize renders (...) and 4 Dockerfiles; ...   exit 0
#   k8s: INVALID, N errors in ...   (each error on stderr before)  exit 1
# Exit 2: the validator could not be installed or run.
#
# Usage: .ci/validate-k8s.sh [manifests-folder [dockerfiles-folder]]   (defaults: k8s/ and deploy/docker/ here)
# The first run installs the validator's npm packages (pinned by k8s/validate/package-lock.json) into
# k8s/validate/node_modules; after that it needs no network.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$repo_root/k8s/validate"
target="${1:-$repo_root/k8s}"
dockerfiles="${2:-$repo_root/deploy/docker}"

install_validator() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "installing nodejs npm (Debian)" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q nodejs npm >/dev/null || return 1
  fi
  # One installer at a time (CI and a test may call this together); the stamp is the lock file it installed.
  exec 9>"${TMPDIR:-/tmp}/wearables-twins-k8s-validate.lock"
  flock 9
  local stamp="$tool/node_modules/.installed-lock"
  if ! { [ -f "$stamp" ] && cmp -s "$tool/package-lock.json" "$stamp"; }; then
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error >&2) && cp "$tool/package-lock.json" "$stamp" || {
      flock -u 9
      return 1
    }
  fi
  flock -u 9
}

if ! install_validator; then
  echo "k8s: validator not installed (npm ci in k8s/validate failed)"
  exit 2
fi

summary=$(node "$tool/validate.mjs" "$target" "$dockerfiles")
status=$?
# Exit 1 means "invalid" only with the validator's own verdict; a crash (also exit 1 in node) is not a verdict.
case "$status:$summary" in
  "0:k8s: valid"* | "1:k8s: INVALID"*) echo "$summary"; exit $status ;;
  *) [ -n "$summary" ] && echo "$summary" >&2; echo "k8s: validator failed to run (exit $status)"; exit 2 ;;
esac
