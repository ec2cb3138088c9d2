# Build the desktop app (see docs/packaging.md). Targets:
#   make installer   one-folder app in dist/qualcoder-cse/ (PyInstaller, build_installer.spec)
#   make archive     dist/qualcoder-cse-VERSION-linux-x86_64.tar.gz with a .desktop entry and icon
#   make check-built run the built app's --version and selfcheck headless
#   make dmg         macOS only: dist/qualcoder-cse-VERSION-macos-ARCH.dmg from dist/QualCoder-CSE.app
#   make check-wheels every dependency has a wheel for Windows, macOS and Linux (packaging/check_wheels.py)
#   (Windows installer: iscc /DAppVersion=X.Y.Z packaging\windows\qualcoder-cse.iss, see docs/packaging.md)
#   make bench       the large-study benchmarks (bench/run.py) and start-up timings (bench/startup.py)
PY ?= .venv/bin/python
PYINSTALLER ?= .venv/bin/pyinstaller

.PHONY: installer archive check-built dmg check-wheels bench clean-dist

installer:
	$(PYINSTALLER) --noconfirm --clean --distpath dist --workpath build/pyinstaller build_installer.spec

archive: installer
	$(PY) packaging/archive.py --dist dist

check-built:
	QT_QPA_PLATFORM=offscreen dist/qualcoder-cse/qualcoder-cse --version
	QT_QPA_PLATFORM=offscreen dist/qualcoder-cse/qualcoder-cse selfcheck

dmg: installer
	sh packaging/macos/make_dmg.sh dist

check-wheels:
	$(PY) packaging/check_wheels.py

bench:
	$(PY) bench/run.py
	$(PY) bench/startup.py

clean-dist:
	rm -rf dist/qualcoder-cse dist/qualcoder-cse-*.tar.gz build/pyinstaller
