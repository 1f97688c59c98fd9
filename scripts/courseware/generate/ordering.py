"""Learning paths: which modules are on a path, in prerequisite order."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import AUDIENCES, LEVELS, Module, Project


@dataclass
class LearningPath:
    audience: str
    level: str
    modules: list[Module]

    @property
    def id(self) -> str:
        return f"{self.audience}-{self.level}"

    @property
    def site_path(self) -> str:
        return f"paths/{self.id}.md"

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)


def prerequisite_order(modules: list[Module]) -> list[Module]:
    """Topological order by prerequisites, stable: among modules that are ready, the smaller id
    comes first. Prerequisites outside ``modules`` are ignored; a cycle (which validation
    refuses) is broken at the smallest id so that this never loops."""
    ids = {m.id for m in modules}
    waiting = sorted(modules, key=lambda m: m.id)
    placed: set[str] = set()
    ordered: list[Module] = []
    while waiting:
        ready = next(
            (m for m in waiting if all(p in placed for p in m.prerequisites if p in ids and p != m.id)),
            waiting[0],
        )
        ordered.append(ready)
        placed.add(ready.id)
        waiting.remove(ready)
    return ordered


def learning_paths(project: Project) -> list[LearningPath]:
    """For each audience, a basic and an advanced path (possibly empty), in that order."""
    return [
        LearningPath(
            audience,
            level,
            prerequisite_order([m for m in project.modules if m.audience == audience and m.level == level]),
        )
        for audience in AUDIENCES
        for level in LEVELS
    ]


def find_cycle(project: Project) -> list[str] | None:
    """The first prerequisite cycle found, as a list of ids that starts and ends with the same id."""
    graph = {m.id: [p for p in m.prerequisites if project.module(p)] for m in project.modules}
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if state.get(nxt) is None:
                found = walk(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = walk(node)
            if found:
                return found
    return None
