"""Long work off the GUI thread: a worker in a QThread behind a modal progress dialog with Cancel.

``fn(progress)`` runs in the worker; ``progress(done, total)`` returns False once the user cancels. The result
(or the exception) reaches ``on_done`` / the window's error dialog on the GUI thread, through slots of a
QObject that lives there (a plain function connected to a worker signal would run in the worker thread).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog


class Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result, exception

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn
        self.cancelled = False

    def run(self) -> None:
        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self.cancelled

        try:
            self.finished.emit(self.fn(report), None)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            self.finished.emit(None, exc)


class BackgroundJob(QObject):
    """Runs ``fn(progress)`` in a QThread behind a modal progress dialog; ``on_done(result)`` or an error
    dialog follow on the GUI thread (this object lives there, so its slots are queued to it)."""

    ended = Signal()

    def __init__(self, window, fn, on_done, label: str) -> None:
        super().__init__(window)
        self.window, self.on_done = window, on_done
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, window)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.thread = QThread(self)
        self.worker = Worker(fn)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.dialog.canceled.connect(self._cancel)

    def start(self) -> None:
        self.thread.start()

    @Slot()
    def _cancel(self) -> None:
        self.worker.cancelled = True

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def abandon(self) -> None:
        """The project is closing: stop the worker, wait for it, and drop its result (there is nothing left
        to show it in, and ``on_done`` would touch a closed project)."""
        self._abandoned = True
        self.worker.cancelled = True
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()
        self.dialog.close()

    @Slot(object, object)
    def _finished(self, result, exc) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.thread.quit()
        self.thread.wait()
        self.ended.emit()
        if getattr(self, "_abandoned", False):
            return
        if exc is not None:
            self.window.show_error(exc)
        else:
            self.on_done(result)


def wait_for_readers(window: QObject, project) -> None:
    """Before the project closes: any other thread of the window still running (an analysis reading in its
    own QThread) is interrupted inside the connection and waited for. Closing the connection under a
    running statement crashed the process (closing the window while the Analysis view computed)."""
    running = [t for t in window.findChildren(QThread) if t.isRunning() and t is not QThread.currentThread()]
    if not running or project is None:
        return
    project.interrupt()
    for thread in running:
        thread.quit()  # a thread with an event loop (a worker object's) ends once its work returns
        thread.wait()
