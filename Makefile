# ckanext-opengov: the two commands are `make run` and `make test`. Both install and start
# what they need (Python venv, PostgreSQL, Redis, Solr 9, and the supervised deployment: nginx,
# gunicorn, the jobs worker, the harvest consumers and the scheduler) and are safe to run twice.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   ?= .venv
CKAN   := $(VENV)/bin/ckan
PYTEST := $(VENV)/bin/pytest
DEV    := .dev
ADMIN_USER     ?= admin
ADMIN_PASSWORD ?= opengov-admin
ADMIN_EMAIL    ?= admin@opengov.example

PG_PORT    := $(or $(OPENGOV_PG_PORT),5433)
REDIS_PORT := $(or $(OPENGOV_REDIS_PORT),6380)
SOLR_PORT  := $(or $(OPENGOV_SOLR_PORT),8983)
CKAN_PORT  := $(or $(OPENGOV_CKAN_PORT),5000)
# The test deployment (dev/test-deployment.sh): nginx on this port, over the test database.
TEST_CKAN_PORT := $(or $(OPENGOV_TEST_CKAN_PORT),5005)

# test.ini names the default ports; CKAN takes these variables over it, so moved ports follow.
TEST_ENV := CKAN_SQLALCHEMY_URL=postgresql://ckan:ckan@127.0.0.1:$(PG_PORT)/ckan_test \
            CKAN_SOLR_URL=http://127.0.0.1:$(SOLR_PORT)/solr/ckan_test \
            CKAN_REDIS_URL=redis://127.0.0.1:$(REDIS_PORT)/1 \
            CKAN_DATASTORE_WRITE_URL=postgresql://ckan:ckan@127.0.0.1:$(PG_PORT)/datastore_test \
            CKAN_DATASTORE_READ_URL=postgresql://datastore_ro:datastore_ro@127.0.0.1:$(PG_PORT)/datastore_test
# Tests that go through the real deployment (tests/dev) find it here, with an API token of its
# sysadmin (OPENGOV_DEPLOYMENT_TOKEN, set by the test target). The leak scan goes through it
# when OPENGOV_LEAK_SCAN_URL/_TOKEN are set to these (docs/deployment.md).
DEPLOY_TEST_ENV := OPENGOV_DEPLOYMENT_URL=http://127.0.0.1:$(TEST_CKAN_PORT)

.PHONY: help install services run stop status test test-db test-deployment db admin demo i18n i18n-update bench clean-data cluster cluster-stop test-cluster

help:
	@echo "make run    start the portal on http://127.0.0.1:5000 with demo data"
	@echo "make test   run every test against real PostgreSQL, Redis and Solr"
	@echo "make stop   stop what make run / make test started"
	@echo "make status show which services and processes run (non-zero when one is down)"
	@echo "make bench  run the benchmarks"
	@echo "make cluster       the portal on several machines, on loopback (docs/cluster.md); make cluster-stop"
	@echo "make test-cluster  the failure tests against that cluster"

install:
	@dev/install.sh

services: install
	@dev/postgres.sh start
	@dev/redis.sh start
	@dev/solr.sh start

db: services
	@dev/config.sh
	@echo "==> Upgrading the database (CKAN core, activity, harvest, opengov)"
	@$(CKAN) -c $(DEV)/ckan.ini db upgrade >$(DEV)/logs/db-upgrade.log 2>&1 || { tail -n 20 $(DEV)/logs/db-upgrade.log; echo "error: ckan db upgrade failed; see $(DEV)/logs/db-upgrade.log" >&2; exit 1; }
	@dev/datastore.sh $(DEV)/ckan.ini

admin: db
	@dev/admin.sh "$(ADMIN_USER)" "$(ADMIN_PASSWORD)" "$(ADMIN_EMAIL)"

demo: db
	@$(CKAN) -c $(DEV)/ckan.ini opengov demo load 2>>$(DEV)/logs/demo.log
	@stamp=$$(cat ckanext/opengov/search/*.py schemas/*.yaml | sha1sum | cut -c1-40); \
	if [ -f $(DEV)/solr/ckan.reindex ] || [ "$$(cat $(DEV)/solr/index.stamp 2>/dev/null)" != "$$stamp" ]; then \
	  echo "==> Re-indexing every dataset (the Solr schema or what we index changed)"; \
	  $(CKAN) -c $(DEV)/ckan.ini search-index rebuild >>$(DEV)/logs/demo.log 2>&1 && rm -f $(DEV)/solr/ckan.reindex && echo "$$stamp" > $(DEV)/solr/index.stamp; \
	else \
	  $(CKAN) -c $(DEV)/ckan.ini search-index rebuild -o >>$(DEV)/logs/demo.log 2>&1; \
	fi
	@$(CKAN) -c $(DEV)/ckan.ini opengov transparency refresh >>$(DEV)/logs/demo.log 2>&1 || echo "warning: transparency refresh failed; see $(DEV)/logs/demo.log" >&2

run: admin demo
	@dev/deployment.sh start
	@echo
	@echo "  The portal:  http://127.0.0.1:$(CKAN_PORT)  (Thai; English via the header switch)"
	@echo "  Sysadmin:    $(ADMIN_USER) / $(ADMIN_PASSWORD)"
	@echo "  Processes:   make status   Logs: $(DEV)/logs/ (one per process)   Stop: make stop"

stop:
	@dev/deployment.sh stop
	@dev/test-deployment.sh stop
	@dev/cluster.sh stop
	@dev/bench-deployment.sh stop
	@dev/solr.sh stop
	@dev/redis.sh stop
	@dev/postgres.sh stop

# Every service and every process of the deployment; exits non-zero naming what is down.
status:
	@down=0; \
	for s in postgres redis solr; do dev/$$s.sh status || down=1; done; \
	dev/deployment.sh status || down=1; \
	if kill -0 "$$(cat $(DEV)/deploy-test/supervisord.pid 2>/dev/null)" 2>/dev/null; then \
	  echo "test deployment:"; dev/test-deployment.sh status || down=1; fi; \
	exit $$down

test-db: services
	@# Built once here: webassets makes its folders on the first page with check-then-mkdir, and two
	@# processes rendering their first page at once (the tests and the live server) race on them.
	@mkdir -p $(DEV)/storage-test/webassets/.webassets-cache
	@$(TEST_ENV) $(CKAN) -c test.ini asset build >$(DEV)/logs/test-assets.log 2>&1 || { tail -n 20 $(DEV)/logs/test-assets.log; echo "error: ckan asset build for tests failed; see $(DEV)/logs/test-assets.log" >&2; exit 1; }
	@$(TEST_ENV) $(CKAN) -c test.ini db upgrade >$(DEV)/logs/test-db.log 2>&1 || { tail -n 20 $(DEV)/logs/test-db.log; echo "error: ckan db upgrade for tests failed; see $(DEV)/logs/test-db.log" >&2; exit 1; }
	@$(TEST_ENV) dev/datastore.sh test.ini

# The supervised deployment as a site of its own (database ckan_deploy_test), for the tests
# that go through it over HTTP (dev/test-deployment.sh, docs/deployment.md).
test-deployment: test-db
	@$(TEST_ENV) dev/test-deployment.sh start

# The leak scan runs in process and, through the test deployment's nginx and its cache, live.
test: test-deployment
	@token=$$($(TEST_ENV) dev/test-deployment.sh token) || { echo "error: no API token from the test deployment; see $(DEV)/logs/deploy-test-admin.log" >&2; exit 1; }; \
	$(TEST_ENV) $(DEPLOY_TEST_ENV) OPENGOV_DEPLOYMENT_TOKEN=$$token \
	  OPENGOV_LEAK_SCAN_URL=http://127.0.0.1:$(TEST_CKAN_PORT) OPENGOV_LEAK_SCAN_TOKEN=$$token $(PYTEST) $(PYTEST_ARGS)

# Several machines on this one (docs/cluster.md): ZooKeeper + SolrCloud nodes, Redis, a load
# balancer and several portal nodes, each a separate process on a loopback port.
cluster: services
	@dev/cluster.sh start

cluster-stop:
	@dev/cluster.sh stop
	@dev/bench-deployment.sh stop

test-cluster: services
	@OPENGOV_CLUSTER_TESTS=1 $(TEST_ENV) $(PYTEST) tests/cluster $(PYTEST_ARGS)

i18n: install

# Re-extract every translatable string and merge it into each locale's catalog;
# then translate the new entries in i18n/<locale>/LC_MESSAGES/ckanext-opengov.po.
# Thai for CKAN core's own strings lives in i18n/<locale>/ckan-core.po, which this target does not
# touch (it would mark those entries obsolete); it is merged into the .mo at compile time.
i18n-update: install
	@$(VENV)/bin/pybabel -q extract -F babel.cfg --no-location --sort-output -o i18n/ckanext-opengov.pot ckanext i18n/core_js_strings.py
	@$(VENV)/bin/pybabel -q update -i i18n/ckanext-opengov.pot -d i18n -D ckanext-opengov --no-fuzzy-matching --ignore-pot-creation-date

BENCH_ENV := CKAN_SQLALCHEMY_URL=postgresql://ckan:ckan@127.0.0.1:$(PG_PORT)/ckan_bench \
             CKAN_SOLR_URL=http://127.0.0.1:$(SOLR_PORT)/solr/ckan_test \
             CKAN_REDIS_URL=redis://127.0.0.1:$(REDIS_PORT)/2

# Side-by-side measurements (ours beside the stock component, same data, same run).
# harvest_consumers and pages go through the bench deployment (dev/bench-deployment.sh: nginx
# :5010, stock CKAN :5011), harvest_sources and solr_scale through dev/cluster.sh; each is stopped
# at the end. One of them: make bench BENCH=pages (docs/benchmarks.md).
BENCH ?= search_relevance transparency overlap_quality overlap_scale linkcheck dataapi_load harvest_throughput harvest_consumers harvest_sources pages solr_scale
bench: services
	@$(BENCH_ENV) $(CKAN) -c test.ini db upgrade >$(DEV)/logs/bench-db.log 2>&1 || { echo "error: ckan db upgrade for benchmarks failed; see $(DEV)/logs/bench-db.log" >&2; exit 1; }
	@status=0; for b in $(BENCH); do $(BENCH_ENV) $(VENV)/bin/python -m benchmarks.$$b || { status=1; break; }; done; \
	dev/bench-deployment.sh stop >/dev/null 2>&1 || true; exit $$status

# Removes the local services' data (.dev/ only) after stopping them.
clean-data: stop
	rm -rf $(DEV)
