"""Which names a lesson's code cells set and use, to prove that a path leaving cells out needs
nothing they set. "Set" is conservative: assigned, imported, defined, deleted or changed in
place (an item or attribute assigned, ``+=``, a method in :data:`MUTATORS`)."""

import ast

import jupytext

#: Methods that change their object in place (scikit-learn's fits, lists', dicts', sets').
MUTATORS = {"fit", "fit_predict", "fit_transform", "partial_fit", "set_params"}
MUTATORS |= {"append", "extend", "insert", "pop", "remove", "sort", "clear"}
MUTATORS |= {"update", "setdefault", "add", "discard"}
DEFINITIONS = ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom
SCOPES = ast.FunctionDef | ast.Lambda | ast.ListComp | ast.SetComp | ast.DictComp
SCOPES |= ast.GeneratorExp


def _base(node) -> str | None:
    """The name whose object an item or attribute belongs to (None: a call's result)."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _scoped(node) -> list[str]:
    """The names a function, lambda or comprehension binds for its own body."""
    if isinstance(node, ast.FunctionDef | ast.Lambda):
        return [a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)]
    targets = [ast.walk(c.target) for c in node.generators]
    return [n.id for walk in targets for n in walk if isinstance(n, ast.Name)]


def sets_and_uses(source: str) -> tuple[set[str], set[str], set[str]]:
    """The names a cell sets, those it imports, and those it uses before setting them (a
    function's body counts as used where it is defined; its arguments, within it, do not,
    nor a comprehension's variables within it)."""
    tree = ast.parse("\n".join(jupytext.magics.comment_magic(source.splitlines())))
    sets, imports, local, stored, loads, targets = set(), set(), [], {}, [], set()
    for node in ast.walk(tree):  # an assignment stores once its value is computed
        if isinstance(node, SCOPES):  # its arguments or loop variables, only within it
            span = (
                (node.lineno, node.col_offset),
                (node.end_lineno, node.end_col_offset),
            )
            local += [(name, span) for name in _scoped(node)]
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            assigned = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in assigned:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        targets.add(id(name))
                        stored.setdefault(name.id, set()).add((node.end_lineno, 1e9))
            if isinstance(node, ast.AugAssign):  # x += 1 reads x first
                loads.append(((node.lineno, -1), _base(node.target)))
        if isinstance(node, ast.Name):
            where = (node.lineno, node.col_offset)
            if isinstance(node.ctx, ast.Load):
                loads.append((where, node.id))
            else:
                sets.add(node.id)
                if id(node) not in targets:
                    stored.setdefault(node.id, set()).add(where)
        elif isinstance(node, DEFINITIONS):
            named = getattr(node, "names", None)
            found = {(a.asname or a.name).split(".")[0] for a in named or []}
            imports |= found
            found = found or {node.name}
            sets |= found
            for name in found:
                stored.setdefault(name, set()).add((node.lineno, node.col_offset))
        elif isinstance(node, ast.Attribute | ast.Subscript) and not isinstance(
            node.ctx, ast.Load
        ):
            sets.add(_base(node))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in MUTATORS:
            sets.add(_base(node.func.value))
    uses = {
        name
        for where, name in loads
        if not any(n == name and a <= where <= b for n, (a, b) in local)
        and not any(s < where for s in stored.get(name, ()))
    }
    return sets - {None}, imports, uses


def needs_left_out(cells, kept) -> list[str]:
    """For code ``cells`` in lesson order and a predicate ``kept(cell)``: each use, in a
    kept cell, of a name last set by a left-out cell ("cell 12 uses 'knee', set by cell 9")."""
    last_set, found = {}, []
    for index, cell in enumerate(cells):
        sets, imports, uses = sets_and_uses(cell["source"])
        if kept(cell):
            found += [
                f"cell {index} uses {name!r}, set by cell {last_set[name][0]}"
                for name in sorted(uses)
                if name in last_set and not last_set[name][1]
            ]
        for name in sets:  # importing again what a kept cell imported changes nothing
            if kept(cell) or name not in imports or not last_set.get(name, (0, 0))[1]:
                last_set[name] = (index, kept(cell))
    return found


def cells_needed(cells, target: int) -> list[int]:
    """The indices of the code ``cells`` (in lesson order) that cell ``target`` needs run
    first: each earlier cell that sets a name it, or a cell it needs, uses; then itself."""
    wanted, needed = sets_and_uses(cells[target]["source"])[2], [target]
    for index in range(target - 1, -1, -1):
        sets, _, uses = sets_and_uses(cells[index]["source"])
        if sets & wanted:
            wanted |= uses
            needed.insert(0, index)
    return needed
