from lodestar.accounts.models import AuditEntry
from tests.conftest import WriteModel, run_lodestar
from tests.integration.accounts.cast import MODEL, Cast, import_document


def test_an_import_from_the_command_line_is_written_to_the_audit_log(db: None) -> None:
    import_document(MODEL)
    entry = AuditEntry.objects.get(action="model.import")
    assert (entry.actor, entry.surface) == ("command line", "cli")
    assert entry.after is not None
    assert entry.after["add"] > 0


def test_a_reimport_logs_what_changed(db: None, write_model: WriteModel) -> None:
    import_document(MODEL)
    changed = {**MODEL, "organization": {"name": "Renamed Ltd"}}
    assert run_lodestar("import", str(write_model(changed))).code == 0
    latest = AuditEntry.objects.filter(action="model.import").first()
    assert latest is not None and latest.after is not None
    assert latest.after["change"] == 1
    assert latest.after["changes"][0]["collection"] == "organization"


def test_users_and_the_audit_log_survive_a_reimport(cast: Cast) -> None:
    import_document(MODEL)
    assert cast.sam.__class__.objects.filter(email="sam@example.com").exists()
    assert AuditEntry.objects.filter(action="user.create").count() == 7
