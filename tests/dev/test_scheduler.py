"""When the deployment's scheduler starts each periodic command (pure rules, no clock)."""
from __future__ import annotations

import datetime as dt

from ckanext.opengov.ops import scheduler

NOW = dt.datetime(2026, 11, 29, 10, 0, 30)


def task(name):
    return next(t for t in scheduler.tasks(harvest_every=60, transparency_at=dt.time(2, 0)) if t.name == name)


def test_the_portal_schedules_harvest_runs_and_the_nightly_refresh():
    commands = {t.name: t.args for t in scheduler.tasks()}
    assert commands["harvest-run"] == ("harvester", "run")
    assert commands["transparency-refresh"] == ("opengov", "transparency", "refresh")
    assert all(t.timeout > 0 for t in scheduler.tasks())  # every command is bounded


def test_harvest_run_every_minute():
    run = task("harvest-run")
    assert scheduler.due(run, NOW, None)
    assert not scheduler.due(run, NOW, NOW - dt.timedelta(seconds=59))
    assert scheduler.due(run, NOW, NOW - dt.timedelta(seconds=60))


def test_nightly_refresh_once_a_night_and_caught_up_after_downtime():
    refresh = task("transparency-refresh")
    tonight = dt.datetime(2026, 11, 30, 2, 0)
    ran_last_night = dt.datetime(2026, 11, 29, 2, 0, 5)
    assert not scheduler.due(refresh, NOW, ran_last_night)
    assert not scheduler.due(refresh, tonight - dt.timedelta(seconds=1), ran_last_night)
    assert scheduler.due(refresh, tonight, ran_last_night)
    # The scheduler was down (or killed mid-refresh) over last night's slot: it runs once on return.
    assert scheduler.due(refresh, NOW, dt.datetime(2026, 11, 28, 2, 0, 5))


def test_a_new_deployment_waits_for_the_first_night(tmp_path):
    state = scheduler.State(str(tmp_path))
    refresh = task("transparency-refresh")
    state.first_seen(refresh, scheduler._last_slot(refresh, NOW))
    assert not scheduler.due(refresh, NOW, state.last(refresh.name))
    assert scheduler.due(refresh, dt.datetime(2026, 11, 30, 2, 0), scheduler.State(str(tmp_path)).last(refresh.name))
