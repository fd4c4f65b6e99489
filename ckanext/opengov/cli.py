"""``ckan opengov …`` commands."""
from __future__ import annotations

import click


@click.group(short_help="ckanext-opengov commands / คำสั่งของ ckanext-opengov")
def opengov():
    """Thai open-government portal commands."""


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
    from ckanext.opengov import categories as category_groups

    counts = category_groups.seed(include_sdgs=sdgs, report=lambda line: click.echo(f"  + {line}"))
    click.secho("Categories: {created} created, {existing} already there".format(**counts), fg="green")


def get_commands() -> list:
    return [opengov]
