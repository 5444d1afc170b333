"""The rooms of the package depend one way, without cycles, and the core stays free of UI frameworks.

Read from the source with ``ast`` (nothing is imported), so a lazy import
inside a function counts as much as one at the top of a module: the
dependency is there either way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kbtimeline"

# Each room and its layer: a module may import its own room, or rooms of a lower layer.
LAYERS = {
    "kbtimeline": 0,  # the package itself: __version__ only
    "errors": 0,
    "model": 1,
    "extras": 1,  # which optional package a feature needs, and how to install it
    "jsonio": 2,
    "query": 2,
    "periods": 2,
    "extract": 2,
    "events": 3,  # records -> happenings: titles (the parser behind them), kinds, grouping
    "storage": 3,  # also documents at URLs (remote) and Parquet, for the dask extra
    "output": 3,
    "corpus": 4,
    "pipeline": 5,
    "progress": 6,
    "distributed": 6,  # extraction on a Dask cluster: a pipeline.Runner
    "explore": 7,  # the terminal app: a client of storage and query like the CLI, which launches it
    "cli": 8,
    "__main__": 9,
}
# Imported at module level only by the rooms named; never at all where no room is named.
FRAMEWORKS = {
    "typer": {"cli"},
    "rich": {"cli", "output", "explore"},
    "click": set(),  # Typer ships its own Click
    "textual": {"explore"},
    "spacy": set(),
    "dask": set(),
    "distributed": set(),  # Dask's cluster package, not kbtimeline.distributed
    "pyarrow": set(),
    "fsspec": set(),
}
# Where a heavy package may be imported at all, even lazily inside a function: the modules (or packages)
# named and nothing else, so every other path (the query commands above all) runs without it.
HEAVY = {
    "textual": {"kbtimeline.explore"},
    "spacy": {"kbtimeline.events.parse"},
    "dask": {"kbtimeline.distributed"},
    "distributed": {"kbtimeline.distributed"},
    "pyarrow": {"kbtimeline.storage.parquet"},
    "fsspec": {"kbtimeline.storage.remote"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["kbtimeline", *parts])


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported module, at module level) for every import in ``module``, relative ones resolved."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if MODULES[module].name == "__init__.py" else module.rsplit(".", 1)[0]
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from kbtimeline.storage import files` imports the submodule when there is one.
            names = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            found += [(name, id(node) in top_level) for name in names or [base]]
    return found


def _internal_edges() -> dict[str, set[str]]:
    return {
        module: {name for name, _ in _imports(module) if name == "kbtimeline" or name.startswith("kbtimeline.")}
        for module in MODULES
    }


def test_every_room_has_a_layer() -> None:
    assert {_room(module) for module in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module: str) -> None:
    room = _room(module)
    upward = sorted(
        target
        for target in _internal_edges()[module]
        if _room(target) != room and LAYERS[_room(target)] >= LAYERS[room]
    )
    assert not upward, f"{module} ({room}, layer {LAYERS[room]}) imports {upward}"


def test_no_import_cycles() -> None:
    edges = _internal_edges()
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "open":
                pytest.fail("import cycle: " + " -> ".join([*path[path.index(target) :], target]))
            if target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_frameworks_only_where_they_belong(module: str) -> None:
    room = _room(module)
    misplaced = sorted(
        name
        for name, top_level in _imports(module)
        if top_level and name.split(".")[0] in FRAMEWORKS and room not in FRAMEWORKS[name.split(".")[0]]
    )
    assert not misplaced, f"{module} imports {misplaced} at module level"


@pytest.mark.parametrize("package", sorted(HEAVY))
def test_heavy_packages_only_in_their_modules(package: str) -> None:
    allowed = HEAVY[package]
    importers = {module for module in MODULES for name, _ in _imports(module) if name.split(".")[0] == package}
    assert {module for module in importers if not any(f"{module}.".startswith(f"{home}.") for home in allowed)} == set()


def test_click_is_never_imported() -> None:
    assert not [module for module in MODULES for name, _ in _imports(module) if name.split(".")[0] == "click"]


@pytest.mark.parametrize(
    ("module", "target", "reason"),
    [
        ("kbtimeline.storage.sqlite", "kbtimeline.storage.location", "the index finds source texts beside it"),
        ("kbtimeline.cli.querying", "kbtimeline.query", "commands call the core"),
        ("kbtimeline.corpus", "kbtimeline.storage.files", "corpus reads files through storage, not its own copy"),
    ],
)
def test_the_reader_sees_known_edges(module: str, target: str, reason: str) -> None:
    """The import reader itself works: edges we know are there are found."""
    assert target in _internal_edges()[module], reason
