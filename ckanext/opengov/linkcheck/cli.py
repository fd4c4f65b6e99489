"""linkcheck: `ckan opengov linkcheck …` commands (added to the opengov group by ckanext/opengov/cli.py)."""
from __future__ import annotations

import click


@click.group()
def linkcheck():
    """Link checks of public resources / ตรวจสอบลิงก์ของทรัพยากรสาธารณะ."""


@linkcheck.command("run")
@click.option("--limit", type=click.IntRange(1, 100_000), default=100_000, show_default=True,
              help="Check at most this many links (the least recently checked first).")
def linkcheck_run(limit: int):
    """Check the public resources' links now (the scheduler runs this daily)."""
    import ckan.model as model

    from ckanext.opengov.linkcheck import jobs

    counts = jobs.run(model.meta.engine, limit)
    if counts.get("busy"):
        raise click.ClickException("another link check is running")
    click.secho("Links: {checked} checked in {seconds}s: {works} work, {broken} broken, {timeout} timeouts, "
                "{refused} refused by address rule, {too_big} too big; {not_reached} not reached "
                "(budget)".format(**counts), fg="green")


def get_commands() -> list:
    return [linkcheck]
