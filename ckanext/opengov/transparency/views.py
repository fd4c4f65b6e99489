"""/transparency pages and their downloads. Views read the stored snapshot through actions'
helpers; they never scan the live catalog. Every query parameter a view reads is declared in
QUERY_PARAMS and read through ``params.parse`` (400 with a Thai/English message when wrong)."""
from __future__ import annotations

import datetime as dt
import itertools
import json

import ckan.model as model
import ckan.plugins.toolkit as tk
from werkzeug.exceptions import HTTPException
from flask import Blueprint, Response, stream_with_context
from sqlalchemy import text

from ckanext.opengov.transparency import actions as transparency_actions
from ckanext.opengov.transparency.actions import can_see_private
from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.portal import names
from ckanext.opengov.transparency import catalog, labels, overlap_store, params, queries, schema, tables, writers
from ckanext.opengov.transparency.metrics import completeness, openness
from ckanext.opengov.transparency.metrics import timeliness as tl

transparency = Blueprint("opengov_transparency", __name__, url_prefix="/transparency")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
CATALOG_FORMATS = dict(FORMATS, xlsx="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
OVERLAP_PAGE = 50
MATRIX_AGENCIES = 40
HARVEST_SHOWN = 101  # the pages show 100 sources; one more tells whether there are more
NO_SUCH_PAGE = N_("There is no page %(page)s: the last page is %(last)s")

# endpoint -> the query parameters its view reads (schema.py validators).
QUERY_PARAMS = {
    "opengov_transparency.index": schema.summary_schema,
    "opengov_transparency.agency": schema.summary_schema,
    "opengov_transparency.overlap": lambda: dict(schema.summary_schema(), **schema.page_schema()),
    "opengov_transparency.download": lambda: {
        k: v for k, v in schema.table_schema(tables.TABLES).items() if k in ("date", "agency", "offset")},
    "opengov_transparency.changes": lambda: {
        k: v for k, v in schema.changes_schema().items() if k in ("date", "since")},
    "opengov_transparency.catalog": dict,
}


def _args() -> dict:
    wanted = QUERY_PARAMS[tk.request.endpoint]()
    wanted.pop("__junk", None)
    return params.parse(wanted)


def _request_day(conn, args: dict):
    return queries.latest_day(conn, args.get("date"))


def _user_context() -> dict:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else None}


def _chart(kind: str, labels_: list, series: list[tuple[str, list]], horizontal=False) -> str:
    return json.dumps({"type": kind, "horizontal": horizontal, "labels": labels_,
                       "datasets": [{"label": name, "data": data} for name, data in series]},
                      ensure_ascii=False, default=str)


def _figure(key: str, rows: list[dict], chart: str | None, agency: str | None = None,
            total: int | None = None) -> dict:
    """`total`: the whole table's row count when `rows` holds only its first rows."""
    table = tables.TABLES[key]
    return {"key": key, "title": tk._(table.title), "rows": rows, "chart": chart,
            "total": len(rows) if total is None else total,
            "columns": [(k, tk._(label)) for k, label in table.columns],
            "downloads": {fmt: tk.h.url_for("opengov_transparency.download", table=key, fmt=fmt,
                                            agency=agency) for fmt in FORMATS}}


def _timeliness_figure(conn, day, agency=None, agency_row=None):
    rows = list(tables.TABLES["timeliness"].rows(conn, day, agency=agency, agency_row=agency_row))
    for row in rows:
        row["status_label"] = labels.translated(labels.TIMELINESS, row["status"])
    chart = _chart("doughnut", [r["status_label"] for r in rows],
                   [(tk._("Datasets"), [r["datasets"] for r in rows])])
    return _figure("timeliness", rows, chart, agency)


def _openness_figure(conn, day, agency=None, agency_row=None):
    rows = list(tables.TABLES["openness"].rows(conn, day, agency=agency, agency_row=agency_row))
    chart = _chart("bar", ["★" * r["stars"] or "0" for r in rows],
                   [(tk._("Datasets"), [r["datasets"] for r in rows])])
    return _figure("openness", rows, chart, agency)


def no_snapshot():
    return tk.render("opengov/transparency/no_snapshot.html", {}), 200


# The national figures change only when a snapshot is (re)computed: keep the last few per
# process, keyed by the snapshot's computation time and the reader's language.
_INDEX_CACHE: dict[tuple, dict] = {}
_INDEX_CACHE_SIZE = 8


def index():
    args = _args()
    conn = model.Session.connection()
    day = _request_day(conn, args)
    if day is None:
        return no_snapshot()
    totals = queries.snapshot(conn, day)
    # An agency deleted since the refresh changes the count, so it is not named from the cache.
    agencies_now = conn.execute(text(
        "SELECT count(*) FROM \"group\" WHERE is_organization AND state = 'active'")).scalar()
    key = (str(day), totals["computed_at"], tk.h.lang(), agencies_now)
    extra = _INDEX_CACHE.get(key)
    if extra is None:
        extra = _index_figures(conn, day)
        if len(_INDEX_CACHE) >= _INDEX_CACHE_SIZE:
            _INDEX_CACHE.pop(next(iter(_INDEX_CACHE)))
        _INDEX_CACHE[key] = extra
    # Sources are named, so they are re-checked on every read (one made private since drops out).
    figures = dict(extra["figures"], harvest=_harvest_figure(conn, day))
    return tk.render("opengov/transparency/index.html", dict(extra, figures=figures, day=day, totals=totals))


def _harvest_figure(conn, day, agency: dict | None = None, own: bool = False):
    """Harvest sources (of one agency); its own admins see more of a clean URL (source_url.py).
    Read on every request (a source made private since the refresh drops out), so only the
    rows the page shows are read: the national page showed 100 of 8,000 but read all of them."""
    org = agency["org_id"] if agency else None
    limit = None if agency else HARVEST_SHOWN  # an agency's scorecard lists all its sources
    rows = list(tables.TABLES["harvest"].rows(conn, day, agency=org, include_private=own, limit=limit))
    total = tables.harvest_count(conn, day, org) if limit and len(rows) == limit else None
    for row in rows:
        row["status"] = labels.translated(labels.HARVEST, row["status"])
    names.agency_rows_for_view(rows, "agency", "agency_title")
    return _figure("harvest", rows, None, agency["name"] if agency else None, total=total)


def _index_figures(conn, day) -> dict:
    agencies = names.agency_rows_for_view(list(tables.TABLES["agencies"].rows(conn, day)))
    for row in agencies:
        row["harvest_status"] = labels.translated(labels.HARVEST, row["harvest_status"])
        row["ministry"] = names.text(row["ministry"])
    ministries = list(tables.TABLES["ministries"].rows(conn, day))
    for row in ministries:
        row["ministry"] = names.text(row["ministry"]) or tk._("Ministry not given")
    top = [a for a in agencies if a["public_datasets"]][:20]
    growth = list(tables.TABLES["growth"].rows(conn, day))
    figures = {
        "ministries": _figure("ministries", ministries, _chart(
            "bar", [m["ministry"] for m in ministries[:15]],
            [(tk._("Public datasets"), [m["public_datasets"] for m in ministries[:15]])], horizontal=True)),
        "agencies": _figure("agencies", agencies, _chart(
            "bar", [a["title"] for a in top],
            [(tk._("Score"), [a["score"] for a in top])], horizontal=True)),
        "openness": _openness_figure(conn, day),
        "timeliness": _timeliness_figure(conn, day),
        "thresholds": _figure("thresholds", [
            dict(r, update_frequency_unit=labels.vocabulary_value("update_frequency_unit", r["update_frequency_unit"]))
            for r in tables.TABLES["thresholds"].rows(conn, day)], None),
        "growth": _figure("growth", growth, _chart(
            # "2026-11" reads "พ.ย. 2569" in Thai (portal helper), "Nov 2026" in English.
            "line", [tk.h.opengov_month(g["month"]) for g in growth], [(tk._("Total"), [g["total"] for g in growth])])),
    }
    return {
        "figures": figures,
        "required_fields": [labels.translated(labels.FIELDS, f) for f in completeness.REQUIRED_FIELDS],
        "format_stars": _format_stars(), "due_factor": tl.DUE_FACTOR, "overdue_factor": tl.OVERDUE_FACTOR,
    }


def _format_stars() -> list[tuple[int, str]]:
    grouped: dict[int, list[str]] = {}
    for fmt, stars in openness.FORMAT_STARS.items():
        grouped.setdefault(stars, []).append(fmt)
    return [(s, ", ".join(sorted(grouped[s]))) for s in sorted(grouped)]


def agency(name: str):
    args = _args()
    conn = model.Session.connection()
    day = _request_day(conn, args)
    if day is None:
        return no_snapshot()
    key = params.path_name(name)
    row = queries.agency_row(conn, day, key) if key else None
    if row is None:
        tk.abort(404, tk._("Agency not found"))
    row = names.agency_rows_for_view([dict(row)])[0]
    private = can_see_private(_user_context(), row["org_id"])
    lists = {}
    for which in tables.DATASET_LISTS:
        items = list(itertools.islice(tables.agency_datasets(conn, day, row["org_id"], which, private), 500))
        for item in items:
            item["timeliness_label"] = labels.translated(labels.TIMELINESS, item["timeliness"])
            item["missing_labels"] = ", ".join(
                labels.translated(labels.FIELDS, f) or f for f in (item["missing_fields"] or "").split(", ") if f)
        lists[which] = {"items": items, "title": tk._(tables.TABLES[which].title),
                        "downloads": {fmt: tk.h.url_for("opengov_transparency.download", table=which,
                                                        fmt=fmt, agency=row["name"]) for fmt in FORMATS}}
    history = list(tables.TABLES["history"].rows(conn, day, agency=row["org_id"]))
    return tk.render("opengov/transparency/agency.html", {
        "day": day, "agency": row, "show_private": private, "lists": lists,
        "on_time_share": tl.share_on_time(row["timeliness"]),
        # The row read above (its ranks count every agency of the day: not read three times).
        "openness": _openness_figure(conn, day, row["name"], row),
        "timeliness": _timeliness_figure(conn, day, row["name"], row),
        "harvest": _harvest_figure(conn, day, row, own=private),
        "history": _figure("history", history, _chart(
            "line", [str(h["snapshot_date"]) for h in history],
            [(tk._("Score"), [h["score"] for h in history])]), row["name"]),
        "total_fields": len(completeness.REQUIRED_FIELDS),
        "overlap": overlap_store.agency_counts(conn, day, row["org_id"]),
    })


def overlap():
    args = _args()
    conn = model.Session.connection()
    day = _request_day(conn, args)
    if day is None:
        return no_snapshot()
    page = args.get("page", 1)
    cluster_count = conn.execute(text(
        "SELECT count(*) FROM opengov_tr_overlap WHERE snapshot_date = :day"), {"day": day}).scalar()
    last = max(1, -(-cluster_count // OVERLAP_PAGE))
    if page > last:
        tk.abort(404, bilingual(NO_SUCH_PAGE, page=page, last=last))
    clusters = overlap_store.explain(conn, list(queries.public_clusters(conn, queries.rows(conn, """
        SELECT cluster_id, similarity, agencies, members, pairs FROM opengov_tr_overlap
        WHERE snapshot_date = :day ORDER BY cluster_id LIMIT :limit OFFSET :offset""",
        day=day, limit=OVERLAP_PAGE, offset=(page - 1) * OVERLAP_PAGE))))
    totals, agency_total, busiest = tables.objective_matrix(conn, day, MATRIX_AGENCIES)
    objectives = sorted(totals)
    per_objective = [totals[o] for o in objectives]
    return tk.render("opengov/transparency/overlap.html", {
        "day": day, "clusters": clusters, "cluster_count": cluster_count, "page": page,
        "pages": last,
        "objectives": objectives,
        "objective_labels": {o: labels.vocabulary_value("objective", o) for o in objectives},
        "matrix": [(a, names.title({"name": a, "title": title}), counts) for a, title, counts in busiest],
        "agency_total": agency_total,
        "objective_figure": _figure("objectives", [
            {"objective": labels.vocabulary_value("objective", o), "datasets": n}
            for o, n in zip(objectives, per_objective)],
            _chart("bar", [labels.vocabulary_value("objective", o) for o in objectives],
                   [(tk._("Datasets"), per_objective)], horizontal=True)),
        "downloads": {k: {fmt: tk.h.url_for("opengov_transparency.download", table=k, fmt=fmt)
                          for fmt in FORMATS} for k in ("overlap", "objectives")},
    })


def _stream(chunks, mimetype: str, filename: str) -> Response:
    return Response(stream_with_context(chunks), mimetype=mimetype.split(";")[0],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Content-Type": mimetype})


def _call(action, data_dict: dict, with_fields: bool = True) -> dict:
    """A transparency action (its name, or a function taking (context, data_dict)) for a page:
    refusals become 400, unknown agency or day 404."""
    try:
        call = tk.get_action(action) if isinstance(action, str) else action
        return call(_user_context(), data_dict)
    except tk.ValidationError as error:
        tk.abort(400, schema.messages(error, with_fields))
    except tk.ObjectNotFound as error:
        tk.abort(404, str(error))


def _streamed(rows_on):
    """Every row, read while the download streams, on a connection of its own."""
    with model.meta.engine.connect() as conn:
        yield from rows_on(conn)


def _file_part(text: str) -> str:
    """Only characters safe in a Content-Disposition file name."""
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in "-_"))[:100]


def download(table: str, fmt: str):
    """Any table as CSV (UTF-8 with BOM) or JSON, every row, authorised as the API's action is."""
    args = _args()
    result = _call(transparency_actions.table_rows, dict(args, table=table))
    result["rows"] = _streamed(result["rows"])
    name = f"transparency-{table}-{result['snapshot_date']}" + (
        f"-{_file_part(args['agency'])}" if args.get("agency") else "")
    return _write(result["columns"], result["rows"], fmt, name,
                  {"table": table, "snapshot_date": result["snapshot_date"]})


def _write(columns, rows, fmt, name, meta):
    if fmt == "csv":
        return _stream(writers.csv_chunks(columns, rows), FORMATS["csv"], name + ".csv")
    return _stream(writers.json_chunks(columns, rows, meta), FORMATS["json"], name + ".json")


def changes(fmt: str):
    """Public datasets added, removed or changed since ?since=YYYY-MM-DD (or a Buddhist-Era date).
    Sent from the page's form (form=1), a refusal returns to the page with its message instead of
    a bare 400 page."""
    if not tk.request.args.get("form"):
        return _changes(fmt)
    try:
        return _changes(fmt, with_fields=False)
    except HTTPException as error:
        if error.code not in (400, 404):
            raise
        tk.h.flash_error(error.description)
        return tk.redirect_to(tk.h.url_for("opengov_transparency.index") + "#changes-since")


def _changes(fmt: str, with_fields: bool = True):
    result = _call(transparency_actions.change_rows, _args(), with_fields)
    result["rows"] = _streamed(result["rows"])
    columns = [k for k, _ in tables.CHANGE_COLUMNS]
    return _write(columns, result["rows"], fmt, f"transparency-changes-since-{result['since']}",
                  {"since": result["since"], "snapshot_date": result["snapshot_date"]})


def catalog_export(fmt: str):
    """The whole public catalog with every TGDC field, streamed (constant memory)."""
    _args()
    tk.check_access("opengov_transparency_read", {})
    engine = model.meta.engine
    name = f"catalog-{dt.date.today().isoformat()}"
    rows = catalog.rows(engine)
    if fmt == "xlsx":
        flat = ({**r, "resources": json.dumps(r["resources"], ensure_ascii=False)} for r in rows)
        return _stream(writers.xlsx_chunks(catalog.COLUMNS, flat), CATALOG_FORMATS["xlsx"], name + ".xlsx")
    if fmt == "csv":
        flat = ({**r, "resources": json.dumps(r["resources"], ensure_ascii=False)} for r in rows)
        return _stream(writers.csv_chunks(catalog.COLUMNS, flat), FORMATS["csv"], name + ".csv")
    return _stream(writers.json_chunks(catalog.COLUMNS, rows, {"fields": catalog.COLUMNS}),
                   FORMATS["json"], name + ".json")


transparency.add_url_rule("/", view_func=index, endpoint="index", strict_slashes=False)
transparency.add_url_rule("/agency/<name>", view_func=agency, endpoint="agency")
transparency.add_url_rule("/overlap", view_func=overlap, endpoint="overlap")

# The tables and formats are part of the rules: anything else is a 404 before a view runs, and
# tests read the choices from the registered rules.
def _any(choices) -> str:
    return "any(" + ", ".join(choices) + ")"


transparency.add_url_rule(f"/download/<{_any(tables.TABLES)}:table>.<{_any(FORMATS)}:fmt>",
                          view_func=download, endpoint="download")
transparency.add_url_rule(f"/changes.<{_any(FORMATS)}:fmt>", view_func=changes, endpoint="changes")
transparency.add_url_rule(f"/catalog.<{_any(CATALOG_FORMATS)}:fmt>", view_func=catalog_export,
                          endpoint="catalog")


def get_blueprints() -> list:
    return [transparency]
