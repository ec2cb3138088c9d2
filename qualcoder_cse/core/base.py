"""Base class of the domain managers: access to the project's connection and a row-to-dataclass helper."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project


class Manager:
    def __init__(self, project: Project) -> None:
        self.project = project

    @property
    def conn(self):
        return self.project.conn

    def q(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | list = ()):
        return self.conn.execute(sql, params).fetchone()

    def coder_id(self, coder: str | int | None) -> int:
        """The id of a coder given by name or id; None means the project's current coder."""
        if coder is None:
            return self.project.coders.get_or_create(self.project.coder_name).id
        if isinstance(coder, int):
            return coder
        return self.project.coders.get_or_create(coder).id
