#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3, which runs on Node 20) and Debian's Chromium for the
# e2e suite, and Neovim and Emacs (eglot) for the other-editors test. Everything comes from the npm
# registry and Debian's packages; the result is cached in
# .e2e-cache/ so a second run is instant. See ../shared/design/real-vscode-on-this-machine.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.e2e-cache"
version=4.100.3
cs="$cache/code-server-$version"
# node-pty's post-install runs `npx node-gyp`; let npx fetch it without a prompt.
export npm_config_yes=true

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# Other editors over LSP (test/e2e/editors.test.ts): Neovim's built-in client, Emacs with eglot.
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
command -v emacs >/dev/null 2>&1 || need_apt+=(emacs-nox)
ls /usr/share/emacs/site-lisp/elpa-src/ 2>/dev/null | grep -q '^eglot-' || need_apt+=(elpa-eglot)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "e2e setup: please install ${need_apt[*]} (apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
fi

if [ -f "$cs/.ready" ]; then exit 0; fi
rm -rf "$cs"
mkdir -p "$cs"
cd "$cs"
echo '{"name":"capdrop-e2e-code-server","private":true}' > package.json
npm install --ignore-scripts --no-save --no-audit --no-fund "code-server@$version" >/dev/null
npm rebuild argon2 >/dev/null
vs="$cs/node_modules/code-server/lib/vscode"
(cd "$vs" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
(cd "$vs" && npm rebuild @vscode/spdlog @vscode/deviceid native-watchdog node-pty >/dev/null)
mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$vs/node_modules/@vscode/ripgrep/bin/rg"
[ -e "$vs/bin/remote-cli/code-server" ] || ln -sf code-linux.sh "$vs/bin/remote-cli/code-server"
[ -e "$vs/bin/helpers/browser.sh" ] || ln -sf browser-linux.sh "$vs/bin/helpers/browser.sh"
(cd "$vs/extensions" && npm install --omit=dev --no-audit --no-fund >/dev/null)
touch "$cs/.ready"
echo "e2e setup: code-server $version ready in $cs"
