"""The plan in words: the notes above it, and the text `lodestar plan` and `import` print."""

from __future__ import annotations

from lodestar.lib.terminal import printable
from lodestar.modelfile.plan import RECORD_WORDS, Plan, plural

MARKS = {"add": "+", "change": "~", "remove": "-"}


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def headline(plan: Plan) -> str:
    if not plan.empty:
        return f"Plan: {plan.summary()}."
    if plan.based and plan.kept:
        return "No changes: the store already has every change the file made since its export."
    return "No changes: the stored model already equals the file."


def notes(plan: Plan) -> list[str]:
    """What the reader of a plan must know first: whose base it is, what is kept of the store's."""
    found: list[str] = []
    if plan.revision is not None and not plan.based:
        found.append("The store did not export this file's revision: it is imported as a file without one.")
    if plan.based and plan.kept:
        entities = plan.kept.get("entities", 0)
        parts = [f"{entities} {'entity' if entities == 1 else 'entities'} changed there"] if entities else []
        parts += [plural(plan.kept[name], name) for name in RECORD_WORDS if plan.kept.get(name)]
        if parts:
            found.append(f"Kept from the store since the file's export: {', '.join(parts)}.")
    return found


def warnings(plan: Plan) -> list[str]:
    """The records the import removes: measurements and check-ins, with their entities or alone."""
    removed = [plural(count, name) for name, count in plan.removes().items() if count]
    return [f"Warning: this import removes {_listed(removed)}."] if removed else []


def conflicts_heading(plan: Plan) -> str:
    if plan.forced:
        return "Conflicts, settled for the file (forced):"
    return (
        "Conflicts: changed in the store since the file's export, and differently in the file. "
        "The import is refused unless forced, and then the file wins:"
    )


def render_plan(plan: Plan) -> str:
    """The plan as text: the notes, the conflicts, then per collection + add, ~ change (field by field), - remove."""
    lines = [headline(plan), *notes(plan), *warnings(plan)]
    if plan.conflicts:
        lines += ["", conflicts_heading(plan)]
        lines.extend(f"  ! {clash.text}" for clash in plan.conflicts)
    current = None
    for change in plan.changes:
        if change.collection != current:
            current = change.collection
            lines += ["", f"{current}:"]
        lines.extend(f"  {MARKS[change.action]} {line}" for line in change.lines)
    return "\n".join(printable(line) for line in lines)
