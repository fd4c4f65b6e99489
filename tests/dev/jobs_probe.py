"""Jobs the jobs-worker test queues (imported by the worker process from the checkout)."""
from __future__ import annotations

import os


def record(path: str, label: str) -> None:
    """Writes which process ran the job and whether CKAN's database answered it."""
    from sqlalchemy import text

    from ckan import model

    model.Session.execute(text("SELECT 1")).scalar()
    with open(path, "a") as f:
        f.write(f"{label} {os.getpid()}\n")


def fail_mid_transaction() -> None:
    """Leaves its session in a failed transaction, then raises: the next job must not inherit it."""
    from sqlalchemy import text

    from ckan import model

    try:
        model.Session.execute(text("SELECT * FROM no_such_table_opengov"))
    except Exception:
        pass  # the transaction is now aborted; no rollback on purpose
    raise RuntimeError("a job that failed")
