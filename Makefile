# Build the desktop app (see docs/packaging.md). Targets:
#   make installer   one-folder app in dist/qualcoder-cse/ (PyInstaller, build_installer.spec)
#   make archive     dist/qualcoder-cse-VERSION-linux-x86_64.tar.gz with a .desktop entry and icon
#   make check-built run the built app's --version and selfcheck headless
#   make bench       the large-study benchmarks (bench/run.py) and start-up timings (bench/startup.py)
PY ?= .venv/bin/python
PYINSTALLER ?= .venv/bin/pyinstaller

.PHONY: installer archive check-built bench clean-dist

installer:
	$(PYINSTALLER) --noconfirm --clean --distpath dist --workpath build/pyinstaller build_installer.spec

archive: installer
	$(PY) packaging/archive.py --dist dist

check-built:
	QT_QPA_PLATFORM=offscreen dist/qualcoder-cse/qualcoder-cse --version
	QT_QPA_PLATFORM=offscreen dist/qualcoder-cse/qualcoder-cse selfcheck

bench:
	$(PY) bench/run.py
	$(PY) bench/startup.py

clean-dist:
	rm -rf dist/qualcoder-cse dist/qualcoder-cse-*.tar.gz build/pyinstaller
