"""``ckan opengov …`` commands."""
from __future__ import annotations

import click


@click.group(short_help="ckanext-opengov commands / คำสั่งของ ckanext-opengov")
def opengov():
    """Thai open-government portal commands."""


def _bad_parameter(message: str, hint: str | None = None) -> click.BadParameter:
    """A refused option in Thai and English (the site's locale needs a request context)."""
    from ckanext.opengov.messages import bilingual

    with click.get_current_context().meta["flask_app"].test_request_context():
        return click.BadParameter(bilingual(message), param_hint=hint)


@opengov.group()
def demo():
    """Demo content."""


@demo.command("load")
def demo_load():
    """Create the demo agencies and Thai datasets (skips those that exist)."""
    from ckanext.opengov.demo import loader

    counts = loader.load(report=lambda line: click.echo(f"  + {line}"))
    click.secho(
        "Demo data: {created} created, {existing} already there".format(**counts), fg="green"
    )


@opengov.group()
def categories():
    """Category groups / หมวดหมู่ข้อมูล."""


@categories.command("seed")
@click.option("--sdgs", is_flag=True, help="Also create the 17 Sustainable Development Goals groups.")
def categories_seed(sdgs: bool):
    """Create the category groups Thai catalogs use (skips those that exist)."""
    from ckanext.opengov.demo import categories as category_groups

    counts = category_groups.seed(include_sdgs=sdgs, report=lambda line: click.echo(f"  + {line}"))
    click.secho("Categories: {created} created, {existing} already there".format(**counts), fg="green")


@opengov.group()
def transparency():
    """Transparency snapshot (metrics for /transparency)."""


@transparency.command("refresh")
@click.option("--date", "day", default=None, help="Snapshot date YYYY-MM-DD (default: today)")
@click.option("--no-overlap", is_flag=True, help="Skip near-duplicate detection")
@click.option("--background", is_flag=True, help="Queue a CKAN background job instead")
def transparency_refresh(day, no_overlap, background):
    """Compute every transparency metric and store today's snapshot (replaces today's)."""
    import datetime as dt

    from ckanext.opengov.messages import N_
    from ckanext.opengov.transparency import jobs

    if day:
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise _bad_parameter(N_("Write the date as YYYY-MM-DD, e.g. 2026-11-25"))
    if background:
        job = jobs.enqueue(day, not no_overlap)
        click.echo(f"queued job {job.id}")
        return
    totals = jobs.run_refresh(day, with_overlap=not no_overlap)
    click.secho(
        "Snapshot {snapshot_date}: {public_datasets} public datasets, {agencies} agencies, "
        "{seconds}s".format(**totals), fg="green")


@opengov.command("jobs-worker")
@click.option("--burst", is_flag=True, help="Exit once the queues are empty.")
@click.option("--max-jobs", default=None,
              help="Exit after this many jobs (default: ckanext.opengov.jobs_worker_max_jobs; 0: never).")
@click.option("--no-scheduler", is_flag=True, help="Do not enqueue scheduled jobs from this worker.")
@click.argument("queues", nargs=-1)
def jobs_worker(burst, max_jobs, no_scheduler, queues):
    """CKAN's jobs worker, with CKAN loaded once instead of once per job (ops/jobs_worker.py)."""
    import ckan.plugins.toolkit as tk

    from ckanext.opengov.logic.harvest_guards import MSG
    from ckanext.opengov.ops import jobs_worker as worker

    if max_jobs is not None:
        try:
            max_jobs = int(max_jobs)
        except ValueError:
            max_jobs = -1
        if max_jobs < 0:
            raise _bad_parameter(MSG["number"], "--max-jobs")
    else:
        max_jobs = tk.config.get("ckanext.opengov.jobs_worker_max_jobs")
    worker.work(list(queues), max_jobs=max_jobs, burst=burst, with_scheduler=not no_scheduler)


def get_commands() -> list:
    from ckanext.opengov.plugin import feature_modules

    for module in feature_modules("cli"):
        for command in module.get_commands():
            if command.name not in opengov.commands:
                opengov.add_command(command)
    return [opengov]
