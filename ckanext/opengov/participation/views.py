"""participation: pages under /datarequest, /follow and /whats-new. Views call the actions (which
check access and validate); a refusal is shown on the form with a 400, a missing or unreadable
request is a 404 (its existence is not confirmed), a forbidden write a 403."""
from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint, Response

from ckanext.opengov.messages import N_
from ckanext.opengov.participation import labels, mail, schema
from ckanext.opengov.portal import names
from ckanext.opengov.participation.actions import responsiveness_rows
from ckanext.opengov.transparency import params, writers
from ckanext.opengov.transparency.metrics.responsiveness import COLUMNS as RESPONSIVENESS

datarequest = Blueprint("opengov_datarequest", __name__, url_prefix="/datarequest")
follow = Blueprint("opengov_follow", __name__, url_prefix="/follow")
whats_new = Blueprint("opengov_whats_new", __name__)
PAGE = 20
CSV = "text/csv; charset=utf-8"

# endpoint -> the query parameters its view reads (schema.py validators), as in transparency/.
QUERY_PARAMS = {
    "opengov_datarequest.index": lambda: {k: v for k, v in schema.list_schema().items()
                                          if k in ("q", "organization", "status", "mine")}
                                         | {"page": [schema.optional, schema.whole_number(1, 10**6)]},
    "opengov_whats_new.index": lambda: {k: v for k, v in schema.whats_new_schema().items()
                                        if k in ("since", "organization", "group", "dataset")},
}
QUERY_PARAMS["opengov_whats_new.feed"] = QUERY_PARAMS["opengov_whats_new.index"]
QUERY_PARAMS["opengov_whats_new.csv"] = QUERY_PARAMS["opengov_whats_new.index"]


def _context() -> dict:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}


def _args() -> dict:
    return params.parse(QUERY_PARAMS[tk.request.endpoint]())


def _form(keys) -> dict:
    """The posted fields named in ``keys``; a field sent twice arrives as a list (and is refused)."""
    return {k: (v[0] if len(v) == 1 else v) for k, v in tk.request.form.lists() if k in keys}


def _act(action: str, data: dict):
    """An action for a page: not found or not readable → 404, not allowed → 403."""
    try:
        return tk.get_action(action)(_context(), data)
    except tk.ObjectNotFound:
        tk.abort(404, tk._("Data request not found"))
    except tk.NotAuthorized:
        if action == "opengov_datarequest_show":
            tk.abort(404, tk._("Data request not found"))
        tk.abort(403, tk._("You are not allowed to do that"))


def _errors(error: tk.ValidationError) -> dict:
    return {k: (v if isinstance(v, list) else [v]) for k, v in error.error_dict.items()}


def _agencies() -> list[dict]:
    return tk.get_action("organization_list")({}, {"all_fields": True, "limit": 1000})


# ---------------------------------------------------------------------------------------------
# /datarequest


def index():
    args = _args()
    page = args.pop("page", 1)
    result = _act("opengov_datarequest_list", dict(args, limit=PAGE, offset=(page - 1) * PAGE))
    return tk.render("opengov/participation/index.html", {
        "result": result, "args": args, "page": page, "pages": max(1, -(-result["count"] // PAGE)),
        "agencies": _agencies(), "statuses": [(s, labels.status(s)) for s in schema.STATUSES]})


def new():
    if not tk.current_user.is_authenticated:
        return tk.redirect_to("user.login", came_from=tk.h.url_for("opengov_datarequest.new"))
    data, errors = {"organization": tk.request.args.get("organization", "")}, {}
    if tk.request.method == "POST":
        data = _form(("title", "description", "purpose", "wanted_format", "organization", "private"))
        data.setdefault("private", False)
        try:
            created = tk.get_action("opengov_datarequest_create")(_context(), dict(data))
        except tk.ValidationError as error:
            errors = _errors(error)
        except tk.NotAuthorized:
            tk.abort(403, tk._("You are not allowed to do that"))
        else:
            tk.h.flash_success(tk._("Your request was sent to the agency."))
            return tk.redirect_to("opengov_datarequest.read", id=created["id"])
    return tk.render("opengov/participation/new.html", {
        "data": data, "errors": errors, "agencies": _agencies()}), (400 if errors else 200)


def read(id: str):
    key = params.path_name(id)
    if key is None:
        tk.abort(404, tk._("Data request not found"))
    request = _act("opengov_datarequest_show", {"id": key})
    return _read_page(request, {}, {})


def _read_page(request: dict, errors: dict, data: dict, status: int = 200):
    return tk.render("opengov/participation/read.html", {
        "request": request, "errors": errors, "data": data,
        "answers": [(s, labels.status(s)) for s in schema.ANSWERS],
        "agencies": _agencies() if request["can_answer"] else [],
    }), status


def _post(id: str, action: str, keys, success: str):
    key = params.path_name(id)
    if key is None:
        tk.abort(404, tk._("Data request not found"))
    if not tk.current_user.is_authenticated:
        return tk.redirect_to("user.login", came_from=tk.h.url_for("opengov_datarequest.read", id=key))
    data = _form(keys)
    try:
        tk.get_action(action)(_context(), dict(data, id=key))
    except tk.ValidationError as error:
        request = _act("opengov_datarequest_show", {"id": key})
        return _read_page(request, _errors(error), data, 400)
    except tk.ObjectNotFound:
        tk.abort(404, tk._("Data request not found"))
    except tk.NotAuthorized:
        tk.abort(403, tk._("You are not allowed to do that"))
    tk.h.flash_success(tk._(success))
    return tk.redirect_to("opengov_datarequest.read", id=key)


def answer(id: str):
    return _post(id, "opengov_datarequest_update", ("status", "note", "dataset", "organization"),
                 N_("The answer was saved and the requester told."))


def comment(id: str):
    return _post(id, "opengov_datarequest_comment", ("text",), N_("Your comment was added."))


def follow_request(id: str):
    return _post(id, "opengov_datarequest_follow", (), N_("You will be told when this request is answered."))


def unfollow_request(id: str):
    return _post(id, "opengov_datarequest_unfollow", (), N_("You no longer follow this request."))


def moderate(id: str):
    key = params.path_name(id)
    if key is None:
        tk.abort(404, tk._("Data request not found"))
    data = _form(("action", "comment_id"))
    target = {"comment_id": data["comment_id"]} if data.get("comment_id") else {"id": key}
    try:
        tk.get_action("opengov_datarequest_moderate")(_context(), dict(target, action=data.get("action")))
    except tk.ValidationError as error:
        tk.abort(400, schema.messages(error))
    except tk.ObjectNotFound:
        tk.abort(404, tk._("Data request not found"))
    except tk.NotAuthorized:
        tk.abort(403, tk._("You are not allowed to do that"))
    if data.get("action") == "delete" and not data.get("comment_id"):
        return tk.redirect_to("opengov_datarequest.index")
    return tk.redirect_to("opengov_datarequest.read", id=key)


def _stream(chunks, mimetype: str, filename: str) -> Response:
    return Response(chunks, mimetype=mimetype.split(";")[0], headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Content-Type": mimetype})


def responsiveness_download(fmt: str):
    """The responsiveness table of every agency, as the scorecard shows it (CSV or JSON)."""
    args = params.parse({"organization": [schema.optional, schema.text()]})
    org_id = None
    if args.get("organization"):
        from ckanext.opengov.participation import store

        group = store.agency(args["organization"])
        if group is None:
            tk.abort(404, tk._("Agency not found"))
        org_id = group.id
    rows = responsiveness_rows(org_id)
    columns = ["agency", "agency_title", *RESPONSIVENESS]
    if fmt == "csv":
        return _stream(writers.csv_chunks(columns, rows), CSV, "datarequest-responsiveness.csv")
    from ckanext.opengov.participation import config

    return _stream(writers.json_chunks(columns, rows, {"target_days": config.target_days()}),
                   "application/json; charset=utf-8", "datarequest-responsiveness.json")


datarequest.add_url_rule("/", view_func=index, endpoint="index", strict_slashes=False)
datarequest.add_url_rule("/new", view_func=new, endpoint="new", methods=["GET", "POST"])
datarequest.add_url_rule("/responsiveness.<any(csv, json):fmt>", view_func=responsiveness_download,
                         endpoint="responsiveness")
datarequest.add_url_rule("/<id>", view_func=read, endpoint="read")
datarequest.add_url_rule("/<id>/answer", view_func=answer, endpoint="answer", methods=["POST"])
datarequest.add_url_rule("/<id>/comment", view_func=comment, endpoint="comment", methods=["POST"])
datarequest.add_url_rule("/<id>/follow", view_func=follow_request, endpoint="follow", methods=["POST"])
datarequest.add_url_rule("/<id>/unfollow", view_func=unfollow_request, endpoint="unfollow", methods=["POST"])
datarequest.add_url_rule("/<id>/moderate", view_func=moderate, endpoint="moderate", methods=["POST"])


# ---------------------------------------------------------------------------------------------
# /follow: what I follow, my digest, saved searches, one-click unsubscribe


def follow_index():
    if not tk.current_user.is_authenticated:
        return tk.redirect_to("user.login", came_from=tk.h.url_for("opengov_follow.index"))
    return _follow_page({}, 200)


def _follow_page(errors: dict, status: int):
    follows = _act("opengov_follow_list", {})
    return tk.render("opengov/participation/follow.html", {
        "follows": follows, "errors": errors,
        "frequencies": [(f, labels.frequency(f)) for f in schema.FREQUENCIES]}), status


def _follow_post(action: str, keys, success: str, **fixed):
    if not tk.current_user.is_authenticated:
        return tk.redirect_to("user.login", came_from=tk.h.url_for("opengov_follow.index"))
    try:
        tk.get_action(action)(_context(), dict(_form(keys), **fixed))
    except tk.ValidationError as error:
        return _follow_page(_errors(error), 400)
    except tk.ObjectNotFound:
        tk.abort(404, tk._("Not found"))
    except tk.NotAuthorized:
        tk.abort(403, tk._("You are not allowed to do that"))
    tk.h.flash_success(tk._(success))
    return tk.redirect_to("opengov_follow.index")


def follow_search():
    return _follow_post("opengov_search_follow", ("q", "organization", "groups"),
                        N_("You follow this search: its new and changed datasets come in your digest."))


def unfollow_search(id: str):
    key = params.path_name(id)
    if key is None:
        tk.abort(404, tk._("Not found"))
    return _follow_post("opengov_search_unfollow", (), N_("You no longer follow that search."), id=key)


def digest_setting():
    return _follow_post("opengov_digest_subscribe", ("frequency", "language"), N_("Your e-mail setting was saved."))


def unsubscribe(token: str):
    """One click from the mail (GET) or the mail client's one-click POST (RFC 8058): the signed
    token names the person, so no sign-in is needed."""
    import ckan.model as model

    from ckanext.opengov.participation import tables as t

    user_id = mail.user_of_token(token[:500])
    if user_id is None or model.User.get(user_id) is None:
        tk.abort(404, tk._("This unsubscribe link is not valid."))
    model.Session.connection().execute(
        t.subscription.update().where(t.subscription.c.user_id == user_id).values(frequency="off"))
    model.Session.commit()
    return tk.render("opengov/participation/unsubscribed.html", {})


follow.add_url_rule("/", view_func=follow_index, endpoint="index", strict_slashes=False)
follow.add_url_rule("/search", view_func=follow_search, endpoint="search", methods=["POST"])
follow.add_url_rule("/search/<id>/delete", view_func=unfollow_search, endpoint="unfollow_search", methods=["POST"])
follow.add_url_rule("/digest", view_func=digest_setting, endpoint="digest", methods=["POST"])
follow.add_url_rule("/unsubscribe/<token>", view_func=unsubscribe, endpoint="unsubscribe", methods=["GET", "POST"])


# ---------------------------------------------------------------------------------------------
# /whats-new, its Atom feed and CSV


def _whats_new() -> dict:
    args = _args()
    result = _act("opengov_whats_new", dict(args, limit=1000))
    for item in result["items"]:
        item["kind_label"] = labels.kind(item["kind"])
        item["status_label"] = labels.status(item["status"]) if item.get("status") else ""
        item["url"] = _item_path(item)
    return dict(result, args=args)


def _item_path(item: dict) -> str:
    if item.get("request_id"):
        return tk.h.url_for("opengov_datarequest.read", id=item["request_id"])
    if item["kind"] == "withdrawn":
        return tk.h.url_for("opengov_whats_new.index")
    return tk.h.url_for("dataset.read", id=item["name"])


def whats_new_index():
    result = _whats_new()
    by_agency: dict = {}
    for item in result["items"]:
        shown = names.title({"name": item.get("agency"), "title": item.get("agency_title")})
        by_agency.setdefault(shown or tk._("Agency not given"), []).append(item)
    return tk.render("opengov/participation/whats_new.html", dict(result, by_agency=by_agency))


def whats_new_feed():
    from ckanext.opengov.participation import feeds

    result = _whats_new()
    body = feeds.atom(
        title=tk._("What's new: %(site)s") % {"site": tk.config.get("ckan.site_title")},
        feed_url=mail.site_url(tk.request.full_path.rstrip("?")),
        page_url=mail.site_url(tk.h.url_for("opengov_whats_new.index")),
        updated=result["until"],
        entries=[{"id": f"{i['kind']}:{i.get('request_id') or i['name']}:{i['at']}",
                  "title": f"{i['kind_label']}: {i['title']}", "url": mail.site_url(i["url"]),
                  "updated": i["at"], "summary": " ".join(x for x in (i.get("agency_title"), i["status_label"]) if x)}
                 for i in result["items"]])
    return Response(body, mimetype="application/atom+xml", headers={"Content-Type": "application/atom+xml; charset=utf-8"})


def whats_new_csv():
    result = _whats_new()
    columns = ["at", "kind", "kind_label", "title", "name", "agency", "agency_title", "status", "url"]
    rows = [dict(i, url=mail.site_url(i["url"])) for i in result["items"]]
    return _stream(writers.csv_chunks(columns, rows), CSV, f"whats-new-{result['since'][:10]}.csv")


whats_new.add_url_rule("/whats-new", view_func=whats_new_index, endpoint="index")
whats_new.add_url_rule("/whats-new.atom", view_func=whats_new_feed, endpoint="feed")
whats_new.add_url_rule("/whats-new.csv", view_func=whats_new_csv, endpoint="csv")


def get_blueprints() -> list:
    return [datarequest, follow, whats_new]
