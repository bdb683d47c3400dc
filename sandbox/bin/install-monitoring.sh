#!/usr/bin/env bash
# Installs the sandbox's monitoring stack from Debian's packages: Prometheus (prometheus 2.42 with
# promtool), Alertmanager (prometheus-alertmanager 0.25 with amtool) and the Pushgateway
# (prometheus-pushgateway 1.5). Idempotent and quick when they are there. Needs root (or sudo).
# 'ferry sandbox start' runs them as its own processes, with configurations and ports of its own
# (the packages' system services, which Debian may start on 9090, 9093 and 9091, are not used).
#
#   install-monitoring.sh            install what is missing
#   install-monitoring.sh --check    exit 0 if all three are installed, 1 otherwise
set -euo pipefail

PACKAGES=(prometheus prometheus-alertmanager prometheus-pushgateway)
BINARIES=(prometheus prometheus-alertmanager prometheus-pushgateway promtool amtool)

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

installed() {
  local binary
  for binary in "${BINARIES[@]}"; do
    command -v "$binary" >/dev/null 2>&1 || return 1
  done
}

if [[ "${1:-}" == "--check" ]]; then
  installed
  exit $?
fi

if ! installed; then
  echo "Installing Prometheus, Alertmanager and the Pushgateway (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  # Without recommends: the node exporter and friends are not what the sandbox needs.
  as_root apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
installed || { echo "install-monitoring.sh: ${BINARIES[*]} not all on the PATH after installing ${PACKAGES[*]}" >&2; exit 1; }
echo "Monitoring ready: $(prometheus --version 2>&1 | head -n 1); restart the sandbox to run it"
