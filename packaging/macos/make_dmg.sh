#!/bin/sh
# Put the PyInstaller app bundle into a compressed disk image, with an Applications link to drag it onto.
#
#   pyinstaller --noconfirm --clean build_installer.spec      (-> dist/QualCoder-CSE.app, on macOS)
#   sh packaging/macos/make_dmg.sh                            (-> dist/qualcoder-cse-VERSION-macos-ARCH.dmg)
#
# Only macOS's own tools (hdiutil, ditto); nothing is downloaded. The version comes from
# qualcoder_cse.__version__ (through the bundle's Info.plist, which the spec fills from it), the
# architecture from the machine that built the bundle (arm64 or x86_64): build on each to get both.
# The app is NOT signed or notarised here: Gatekeeper asks the user to confirm the first start (right-click >
# Open) until a Developer ID signature and notarisation are added (codesign, xcrun notarytool).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${1:-$ROOT/dist}
APP="$DIST/QualCoder-CSE.app"
[ -d "$APP" ] || { echo "$APP not found: build it first (pyinstaller build_installer.spec)" >&2; exit 1; }
VERSION=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist")
ARCH=$(uname -m)
OUT="$DIST/qualcoder-cse-$VERSION-macos-$ARCH.dmg"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/QualCoder-CSE.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$OUT"
hdiutil create -volname "QualCoder-CSE $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$OUT" >/dev/null
hdiutil verify "$OUT" >/dev/null
echo "wrote $OUT ($(du -h "$OUT" | cut -f1))"
