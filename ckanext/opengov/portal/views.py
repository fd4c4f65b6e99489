"""portal: the pages of the public front that CKAN lacks (terms of use, licences, sitemap.xml)
and CKAN's feeds finished (blueprints registered by plugin.py; plugin blueprints are registered
before core's, so the feed routes here answer first and call core's views)."""
from __future__ import annotations

from flask import Blueprint, Response

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.views import feed as core_feed

from ckanext.opengov.portal import feeds, names, sitemap, slugs

portal = Blueprint("opengov_portal", __name__)


def terms():
    return tk.render("opengov/portal/terms.html")


def licence():
    licences = [
        {"id": lic.id, "title": lic.title, "url": lic.url, "isopen": lic.isopen()}
        for lic in model.Package.get_license_register().values()
    ]
    return tk.render("opengov/portal/licence.html", {"licences": licences})


def sitemap_xml():
    body = sitemap.render(sitemap.public_urls())
    return Response(body, mimetype="application/xml")


def _site_title() -> str:
    return tk.h.opengov_portal_text("title")


def _finished(response: Response, title: str | None, subtitle: str | None) -> Response:
    if response.status_code != 200:
        return response
    site_url = tk.config.get("ckan.site_url") or ""
    response.set_data(feeds.rewrite(
        response.get_data(), tk.h.lang(), site_url,
        lambda id_: tk.h.url_for("dataset.read", id=id_, _external=True), title, subtitle))
    return response


def _named(kind: str, id_: str) -> str:
    try:
        obj = tk.get_action(f"{kind}_show")({}, {"id": id_, "include_datasets": False})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return id_
    return names.title(obj)


def feed_general():
    return _finished(core_feed.general(), _site_title(),
                     tk._("Recently created or updated datasets on %(site)s") % {"site": _site_title()})


def feed_custom():
    return _finished(core_feed.custom(), tk._("%(site)s - search results") % {"site": _site_title()}, None)


def feed_tag(id: str):  # noqa: A002 (core's parameter name)
    return _finished(core_feed.tag(id), tk._('%(site)s - datasets tagged "%(tag)s"') % {
        "site": _site_title(), "tag": id}, None)


def feed_group(id: str):  # noqa: A002
    response = core_feed.group(id)
    return _finished(response, tk._('%(site)s - category "%(name)s"') % {
        "site": _site_title(), "name": _named("group", id)}, None)


def feed_organization(id: str):  # noqa: A002
    response = core_feed.organization(id)
    return _finished(response, tk._('%(site)s - agency "%(name)s"') % {
        "site": _site_title(), "name": _named("organization", id)}, None)


def slug():
    """The URL name a title would get (the form's script asks while the person types)."""
    title = (tk.request.args.get("title") or "")[:500]
    return {"name": slugs.slug_from_title(title)}


def category_bulk_process(id: str):  # noqa: A002
    """Core raises a bare Exception (a 500) for a category: bulk changes exist for agencies only."""
    return tk.abort(404, tk._("Bulk changes are made on an agency's page, not on a category's"))


portal.add_url_rule("/group/bulk_process/<id>", view_func=category_bulk_process,
                    endpoint="category_bulk_process")
portal.add_url_rule("/opengov/slug", view_func=slug, endpoint="slug")
portal.add_url_rule("/terms", view_func=terms, endpoint="terms")
portal.add_url_rule("/licence", view_func=licence, endpoint="licence")
portal.add_url_rule("/sitemap.xml", view_func=sitemap_xml, endpoint="sitemap")
portal.add_url_rule("/feeds/dataset.atom", view_func=feed_general, endpoint="feed_general")
portal.add_url_rule("/feeds/custom.atom", view_func=feed_custom, endpoint="feed_custom")
portal.add_url_rule("/feeds/tag/<string:id>.atom", view_func=feed_tag, endpoint="feed_tag")
portal.add_url_rule("/feeds/group/<string:id>.atom", view_func=feed_group, endpoint="feed_group")
portal.add_url_rule("/feeds/organization/<string:id>.atom", view_func=feed_organization,
                    endpoint="feed_organization")


def get_blueprints() -> list:
    return [portal]
