"""ckanext-harvest's queue consumers made to survive idle queues and duplicate messages.

Applied once, when the harvester plugins load (every `ckan harvester gather-consumer` and
`fetch-consumer` process loads them), so the standard commands run the fixed code:

- Idle queues (ckanext-harvest #581, open): redis-py 8 gives every socket a 5 s read timeout
  and `RedisConsumer.consume` blocks in BLPOP with none of its own, so an idle consumer dies
  with "Timeout reading from socket" after five seconds. Here BLPOP asks Redis to answer
  within IDLE_POLL_SECONDS (below the socket timeout) and simply asks again.
- Duplicates (ckanext-harvest #420): `harvest_jobs_run` re-queues every WAITING object that is
  not in the Redis list, including objects a consumer has just popped or a gather has not yet
  published. A message is now processed only by the consumer that claims its object in one
  UPDATE (WAITING -> FETCH, or an object abandoned by a dead consumer); any other copy is
  dropped, so no object is imported twice and a late copy no longer turns a finished object
  into an error without a message.
- Messages: the consumers handle each message inside a request context of CKAN's app (as
  CKAN's own commands do), so the errors they store are in Thai and English like every other
  message.
- One slow source: the gather consumer runs each job in its own process (gather_pool).
- Fewer commits per object: the claim also counts the try (ckanext-harvest commits retry_times,
  FETCH, IMPORT and the end state one after the other: five commits around each import). For
  harvesters that say so (`one_transaction`, our HarvesterCore), the object's end state is
  written in the same transaction as its dataset.
"""
from __future__ import annotations

import datetime
import json
import logging
from contextlib import nullcontext

import ckan.model as model
import sqlalchemy as sa
from ckanext.harvest import queue
from ckanext.harvest import utils as harvest_utils
from ckanext.harvest.model import HarvestJob, HarvestObject, HarvestObjectError

from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)

IDLE_POLL_SECONDS = 2
# ckanext-harvest's resubmit_jobs re-queues a fetch message after 180 s; an object in FETCH or
# IMPORT untouched for that long belonged to a consumer that died, and may be taken again.
ABANDONED_AFTER = datetime.timedelta(seconds=180)
MAX_TRIES = 5  # ckanext-harvest's limit in fetch_callback

MSG = {
    "job_closed": N_("Not imported: the harvest job was closed (aborted or timed out) before this "
                     "record's turn; the next job harvests it."),
    "tries": N_("Not imported: the import of this record was started %(tries)s times without "
                "finishing (the consumer stopped each time)."),
}

_ORIGINAL = {}


def consume_patiently(consumer, on_idle=None):
    """RedisConsumer.consume without the idle crash: the same messages, the same persistence
    keys, but BLPOP returns every IDLE_POLL_SECONDS when the queue is empty (then `on_idle`)."""
    while True:
        popped = consumer.redis.blpop(consumer.routing_key, timeout=IDLE_POLL_SECONDS)
        if popped is None:
            if on_idle is not None:
                on_idle()
            continue
        _key, body = popped
        try:
            consumer.redis.set(consumer.persistance_key(body), str(datetime.datetime.now()))
        except Exception as error:  # as upstream: a malformed message is skipped
            log.error("Redis exception: %s", error)
            continue
        yield queue.FakeMethod(body), consumer, body


def claim(object_id: str) -> str:
    """'mine' when this consumer may process the object (its try counted in the same commit,
    so a record that kills its consumer still reaches MAX_TRIES), 'taken' when another copy of
    the message is being or was processed, 'missing' when there is no such object."""
    now = datetime.datetime.utcnow()
    table = HarvestObject.__table__
    abandoned = sa.and_(table.c.state.in_(("FETCH", "IMPORT")),
                        sa.func.coalesce(table.c.import_started, table.c.fetch_started) < now - ABANDONED_AFTER)
    claimed = model.Session.execute(
        table.update().where(table.c.id == object_id, sa.or_(table.c.state == "WAITING", abandoned))
        .values(state="FETCH", fetch_started=now, retry_times=sa.func.coalesce(table.c.retry_times, 0) + 1)
        .returning(table.c.id)).first()
    model.Session.commit()
    if claimed is not None:
        return "mine"
    exists = model.Session.query(HarvestObject.id).filter(HarvestObject.id == object_id).first()
    return "taken" if exists else "missing"


def _fail(obj: HarvestObject, message: str) -> None:
    obj.state, obj.report_status = "ERROR", "errored"
    model.Session.add(HarvestObjectError(object=obj, message=message, stage="Fetch"))
    obj.save()


def fetch_callback(channel, method, header, body):
    """ckanext-harvest's fetch_callback behind the claim; the cases it would end as an error
    without a message get one. Past the claim it does what upstream does (less the second
    count of the try)."""
    try:
        object_id = json.loads(body)["harvest_object_id"]
    except (ValueError, KeyError, TypeError):
        return _ORIGINAL["fetch_callback"](channel, method, header, body)
    try:
        verdict = claim(object_id)
    except sa.exc.DatabaseError:
        model.Session.remove()
        return None  # not acknowledged: ckanext-harvest's resubmit_jobs sends it again
    if verdict == "missing":
        return _ORIGINAL["fetch_callback"](channel, method, header, body)
    if verdict == "taken":
        log.info("Dropped a second copy of harvest object %s", object_id)
        model.Session.remove()
        channel.basic_ack(method.delivery_tag)
        return False
    obj = HarvestObject.get(object_id)
    job = HarvestJob.get(obj.harvest_job_id)
    message = None
    if job is not None and job.status == "Finished":
        message = bilingual(MSG["job_closed"])
    elif (obj.retry_times or 0) >= MAX_TRIES:
        message = bilingual(MSG["tries"], tries=MAX_TRIES)
    if message is not None:
        _fail(obj, message)
        model.Session.remove()
        channel.basic_ack(method.delivery_tag)
        return False
    harvester = queue.get_harvester(obj.source.type)
    if harvester is not None:
        queue.fetch_and_import_stages(harvester, obj)
    else:
        log.error("No harvester of type %s for harvest object %s", obj.source.type, obj.id)
    model.Session.remove()
    channel.basic_ack(method.delivery_tag)
    return None


def fetch_and_import_stages(harvester, obj):
    """ckanext-harvest's fetch_and_import_stages, or, for a `one_transaction` harvester, the
    same states and report with no commit of their own: the harvester's import writes the
    object's end state (core.finish) in the transaction that saves its dataset."""
    if not getattr(harvester, "one_transaction", False):
        return _ORIGINAL["fetch_and_import_stages"](harvester, obj)
    now = datetime.datetime.utcnow()
    obj.fetch_started = obj.fetch_started or now
    if harvester.fetch_stage(obj) is not True:  # ours always fetch in the gather
        return _ORIGINAL["fetch_and_import_stages"](harvester, obj)
    obj.fetch_finished = obj.import_started = now
    obj.state = "IMPORT"
    imported = harvester.import_stage(obj)
    if imported and obj.state == "COMPLETE":
        return None  # committed with the dataset
    obj.import_finished = datetime.datetime.utcnow()
    if imported:  # a path that did not call core.finish: upstream's report
        obj.state = "COMPLETE"
        if obj.current is False:
            obj.report_status = "deleted"
        else:
            seen = model.Session.query(HarvestObject.id).filter_by(package_id=obj.package_id).limit(2).count()
            obj.report_status = "updated" if seen == 2 else "added"
    else:
        obj.state, obj.report_status = "ERROR", "errored"
    obj.save()
    return None


def app_context():
    """A request context of the running `ckan` command's app, as CKAN's own commands use (so
    gettext has the site's locale and messages come out in Thai and English), or nothing
    outside a command."""
    import click

    ctx = click.get_current_context(silent=True)
    app = ctx.meta.get("flask_app") if ctx is not None else None
    return app.test_request_context() if app is not None else nullcontext()


def fetch_consumer():
    """`ckan harvester fetch-consumer`, patient on an idle queue."""
    consumer = queue.get_fetch_consumer()
    if not isinstance(consumer, queue.RedisConsumer):
        return _ORIGINAL["fetch_consumer"]()
    for method, header, body in consume_patiently(consumer):
        with app_context():
            queue.fetch_callback(consumer, method, header, body)


def gather_consumer():
    """`ckan harvester gather-consumer`: patient, and each job in its own process."""
    from ckanext.opengov.harvest.gather_pool import GatherPool

    consumer = queue.get_gather_consumer()
    if not isinstance(consumer, queue.RedisConsumer):
        return _ORIGINAL["gather_consumer"]()
    pool = GatherPool.from_config(app_context)
    for method, header, body in consume_patiently(consumer, on_idle=pool.reap):
        pool.run(consumer, method, header, body)


def apply() -> None:
    """Install the fixes into ckanext-harvest (once per process)."""
    if _ORIGINAL:
        return
    _ORIGINAL.update(fetch_callback=queue.fetch_callback, fetch_consumer=harvest_utils.fetch_consumer,
                     gather_consumer=harvest_utils.gather_consumer,
                     fetch_and_import_stages=queue.fetch_and_import_stages)
    queue.RedisConsumer.consume = lambda self, queue_name=None: consume_patiently(self)
    queue.fetch_callback = fetch_callback
    queue.fetch_and_import_stages = fetch_and_import_stages
    harvest_utils.fetch_consumer = fetch_consumer
    harvest_utils.gather_consumer = gather_consumer
