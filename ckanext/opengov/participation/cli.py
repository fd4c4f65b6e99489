"""participation: `ckan opengov digest …` commands (added to the opengov group by ckanext/opengov/cli.py)."""
from __future__ import annotations

import click


@click.group()
def digest():
    """E-mail digests of what people follow / อีเมลสรุปความเปลี่ยนแปลงของสิ่งที่ติดตาม."""


@digest.command("send")
@click.option("--frequency", type=click.Choice(["daily", "weekly"]), default="daily", show_default=True,
              help="Send the due digests of this frequency.")
def digest_send(frequency: str):
    """Send the due digests now (the scheduler runs this daily, then weekly)."""
    from ckanext.opengov.participation import digest as digests

    flask_app = click.get_current_context().meta["flask_app"]
    with flask_app.test_request_context():  # translations in each reader's language
        counts = digests.send_all(frequency)
    click.secho("Digests ({frequency}): {due} due, {sent} sent, {empty} with nothing new, "
                "{failed} failed (retried next run)".format(frequency=frequency, **counts),
                fg="red" if counts["failed"] else "green")
    if counts["failed"]:
        raise SystemExit(1)


def get_commands() -> list:
    return [digest]
