#!/bin/sh
# Install QualCoder-CSE for the current user from the unpacked archive: no root, no network.
#   ./install.sh            -> ~/.local/opt/qualcoder-cse, a launcher in ~/.local/bin, a menu entry and icon
#   ./install.sh --uninstall
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/qualcoder-cse
BIN=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$OPT" "$BIN/qualcoder-cse" "$DATA/applications/qualcoder-cse.desktop" \
         "$DATA/icons/hicolor/256x256/apps/qualcoder-cse.png"
  echo "QualCoder-CSE removed (your projects are untouched)."
  exit 0
fi
mkdir -p "$OPT" "$BIN" "$DATA/applications" "$DATA/icons/hicolor/256x256/apps"
rm -rf "$OPT"
cp -R "$HERE/qualcoder-cse" "$OPT"
ln -sf "$OPT/qualcoder-cse" "$BIN/qualcoder-cse"
cp "$HERE/qualcoder-cse.png" "$DATA/icons/hicolor/256x256/apps/qualcoder-cse.png"
sed "s#^Exec=qualcoder-cse#Exec=$OPT/qualcoder-cse#" "$HERE/qualcoder-cse.desktop" > "$DATA/applications/qualcoder-cse.desktop"
"$OPT/qualcoder-cse" --version
echo "Installed. Run 'qualcoder-cse selfcheck' to check it, or start it from the applications menu."
