"""ckanext-harvest 1.6.3 gathers its actions and auth functions into one shared dict (a mutable
default argument of `_get_logic_functions`). Once the plugins have loaded twice in a process (as
in the tests, or a web worker that reloads them), its auth-only functions are handed to CKAN as
actions too and answered 500 at /api/3/action/<name>. Our code only reads that dict, and every
name it leaks into `ckan.logic._actions` answers a 4xx."""
from __future__ import annotations

import pytest
from ckan.tests import factories as ckan_factories
from ckanext.harvest import plugin as harvest_plugin

from ckanext.opengov.harvest import auth as harvest_auth
from ckanext.opengov.logic import harvest_guards

pytestmark = pytest.mark.usefixtures("clean_db")


def _fresh(module_root: str) -> set[str]:
    return set(harvest_plugin._get_logic_functions(module_root, {}))


def _rebuilt_after_auth_table(logic):
    """The action table as CKAN builds it once ckanext-harvest's auth table was asked for in the
    process (CKAN's first access check does that; a reload then rebuilds the actions)."""
    import ckan.plugins

    ckan.plugins.get_plugin("harvest").get_auth_functions()
    logic.clear_actions_cache()
    logic.get_action("package_show")


@pytest.fixture
def empty_shared_table():
    """ckanext-harvest's shared dict as in a process where its plugin was never asked yet."""
    saved = harvest_plugin._get_logic_functions.__defaults__
    harvest_plugin._get_logic_functions.__defaults__ = ({},)
    yield harvest_plugin._get_logic_functions.__defaults__[0]
    harvest_plugin._get_logic_functions.__defaults__ = saved


def test_our_tables_never_write_to_ckanext_harvests_shared_dict(empty_shared_table):
    harvest_auth.get_auth_functions()
    harvest_guards.get_actions()
    assert empty_shared_table == {}


def test_our_checks_match_what_ckanext_harvest_registers(empty_shared_table):
    """With nothing in the shared dict our checks stand alone; once its actions are in it
    (ckanext-harvest then registers them as auth functions too) ours replace them, chained."""
    own_only = "harvest_log_list"  # an action with no auth function of ckanext-harvest's
    assert not getattr(harvest_auth.get_auth_functions()[own_only], "chained_auth_function", False)
    empty_shared_table.update(harvest_plugin._get_logic_functions("ckanext.harvest.logic.action", {}))
    assert getattr(harvest_auth.get_auth_functions()[own_only], "chained_auth_function", False)


def test_auth_names_in_the_action_table_are_refused_not_crashed(app):
    """Enumerated: each name ckanext-harvest hands CKAN as an action that is not one of its
    actions; after the plugins reload (with_plugins) they are in ckan.logic._actions."""
    import ckan.logic as logic
    import ckan.plugins

    _rebuilt_after_auth_table(logic)
    leaked = (set(ckan.plugins.get_plugin("harvest").get_actions()) - _fresh("ckanext.harvest.logic.action"))
    assert leaked == _fresh("ckanext.harvest.logic.auth") - _fresh("ckanext.harvest.logic.action")
    assert leaked and leaked <= set(logic._actions)  # the case this test is about: they are registered
    sysadmin = ckan_factories.SysadminWithToken()
    for name in sorted(leaked):
        for headers in ({}, {"Authorization": sysadmin["token"]}):
            for body in ({}, {"id": "x"}):
                response = app.post(f"/api/3/action/{name}", json=body, headers=headers)
                assert response.status_code in (403, 404), (name, headers, response.status_code, response.body[:300])
                assert name in response.json["error"]["message"], response.json


def test_no_action_table_entry_is_an_auth_function_of_ckanext_harvest():
    """What answers under each leaked name is our refusal, not ckanext-harvest's auth function."""
    import ckan.logic as logic
    import ckan.plugins

    _rebuilt_after_auth_table(logic)
    auth_functions = {id(f) for f in harvest_plugin._get_logic_functions("ckanext.harvest.logic.auth", {}).values()}
    for name, function in logic._actions.items():
        inner = getattr(function, "__wrapped__", function)
        assert id(inner) not in auth_functions, name
