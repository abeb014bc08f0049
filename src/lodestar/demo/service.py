"""Load the demo: its warehouse extract and metrics file, the organization, and a first refresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from lodestar.demo.organization import demo_document
from lodestar.demo.scaled import scaled_document
from lodestar.lib.model import Model
from lodestar.metrics.demo_warehouse import Extract, demo_extract
from lodestar.metrics.refresh import RefreshReport, refresh
from lodestar.modelfile.validate import validate_document
from lodestar.store.service import ImportResult, import_model


@dataclass(frozen=True)
class LoadedDemo:
    """What loading the demo wrote: the extract, the imported model and the refresh over both."""

    model: Model
    imported: ImportResult
    extract: Extract
    metrics_file: Path
    refreshed: RefreshReport


def demo_model(*, today: date) -> Model:
    """Return the demo organization with its dates placed around `today`, validated."""
    return validate_document(demo_document(today))


def scaled_model(*, people: int, today: date) -> Model:
    """Return a generated organization of about `people` people, validated like any model file."""
    return validate_document(scaled_document(people=people, today=today))


def bound_counts(model: Model) -> tuple[int, int]:
    """Return how many key results and KPIs of a model are bound to a metric."""
    key_results = sum(kr.metric is not None for goal in model.goals for kr in goal.key_results)
    return key_results, sum(kpi.metric is not None for kpi in model.kpis)


def write_demo_data(*, directory: Path, today: date) -> Extract:
    """Write the demo's warehouse extract and metrics file as of `today`. Raises OSError."""
    return demo_extract(directory=directory, today=today)


def load_demo(*, today: date, directory: Path) -> LoadedDemo:
    """Write the demo extract into `directory`, import the demo organization and refresh it as of `today`.

    The import and the refresh happen in one transaction: when the refresh fails (MetricsError)
    the database stays as it was. Raises OSError when the directory cannot be written.
    """
    extract = write_demo_data(directory=directory, today=today)
    metrics_file = directory / "metrics.yaml"
    model = demo_model(today=today)
    with transaction.atomic():
        imported = import_model(model=model)
        refreshed = refresh(as_of=today, definitions_path=metrics_file)
    return LoadedDemo(model=model, imported=imported, extract=extract, metrics_file=metrics_file, refreshed=refreshed)
