"""CKAN plugin entry point: connects CKAN's interfaces to the modules that do the work."""
from __future__ import annotations

import importlib

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultTranslation

from ckanext.opengov import cli, helpers, i18n_dir
from ckanext.opengov import web
from ckanext.opengov.dataapi import hooks as dataapi_hooks
from ckanext.opengov.harvest import api as harvest_api
from ckanext.opengov.harvest import auth as harvest_auth
from ckanext.opengov.harvest import shared_show
from ckanext.opengov.harvest import views as harvest_views
from ckanext.opengov.portal import names as portal_names
from ckanext.opengov.portal import settings as portal_settings
from ckanext.opengov.logic import action, core_guards, harvest_guards, public_reads
from ckanext.opengov.search import facets, plugin_hooks
from ckanext.opengov.tgdc import validators
from ckanext.opengov.tgdc.permissions import ClassificationPermissionLabels
from ckanext.opengov.transparency import actions as transparency_actions
from ckanext.opengov.transparency import auth as transparency_auth
from ckanext.opengov.transparency import views as transparency_views


@tk.blanket.config_declarations
class OpengovPlugin(p.SingletonPlugin, DefaultTranslation, ClassificationPermissionLabels):
    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IValidators)
    p.implements(p.IActions)
    p.implements(p.IPermissionLabels)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IGroupController, inherit=True)
    p.implements(p.IOrganizationController, inherit=True)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)
    p.implements(p.IMiddleware, inherit=True)

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "templates")
        tk.add_public_directory(config, "public")
        tk.add_resource("assets", "opengov")

    def update_config_schema(self, schema):
        return portal_settings.update_config_schema(schema)

    # ITranslation: the catalogs are installed as the ckanext.opengov.i18n package.
    def i18n_directory(self):
        return i18n_dir()

    # IClick
    def get_commands(self):
        return cli.get_commands()

    # ITemplateHelpers
    def get_helpers(self):
        return _merged(helpers.get_helpers(), *(m.get_helpers() for m in feature_modules("helpers")))

    # IValidators
    def get_validators(self):
        return validators.get_validators()

    # IActions
    def get_actions(self):
        return _merged(
            action.get_actions(), public_reads.get_actions(), core_guards.get_actions(),
            harvest_guards.get_actions(), transparency_actions.get_actions(), harvest_api.get_actions(),
            # A harvested record's package_show answers from the rendering the harvester made once.
            {"package_show": shared_show.package_show},
            *(m.get_actions() for m in feature_modules("actions")),
        )

    # IPackageController: TGDC choices and the ministry become facetable fields.
    def before_dataset_index(self, pkg_dict):
        return plugin_hooks.before_dataset_index(pkg_dict)

    # Pages (for_view dicts, never the API) name agencies and categories in the reader's language.
    def before_dataset_view(self, pkg_dict):
        return portal_names.dataset_for_view(pkg_dict)

    # IGroupController and IOrganizationController
    def before_view(self, data_dict):
        return portal_names.group_for_view(data_dict)

    def after_dataset_create(self, context, pkg_dict):
        # Tables of a dataset created whole (the API, the harvesters) are loaded too.
        dataapi_hooks.after_dataset_create(context, pkg_dict)

    def before_dataset_search(self, search_params):
        return plugin_hooks.before_dataset_search(search_params)

    def after_dataset_search(self, search_results, search_params):
        return plugin_hooks.after_dataset_search(search_results)

    # IFacets
    def dataset_facets(self, facets_dict, package_type):
        return facets.dataset_facets(facets_dict)

    def organization_facets(self, facets_dict, organization_type, package_type):
        return facets.dataset_facets(facets_dict)

    def group_facets(self, facets_dict, group_type, package_type):
        return facets.dataset_facets(facets_dict)

    # IAuthFunctions
    def get_auth_functions(self):
        return _merged(
            transparency_auth.get_auth_functions(), harvest_auth.get_auth_functions(),
            public_reads.get_auth_functions(), core_guards.get_auth_functions(),
            harvest_guards.get_auth_functions(),
            *(m.get_auth_functions() for m in feature_modules("auth")),
        )

    # IBlueprint
    def get_blueprint(self):
        return [*transparency_views.get_blueprints(), harvest_views.blueprint,
                *(bp for m in feature_modules("views") for bp in m.get_blueprints())]

    # IMiddleware: response headers and request limits for every page and API call.
    def make_middleware(self, app, config):
        return web.make_middleware(app, config)


# The features that own their API, pages and helpers: each folder has actions.py, auth.py,
# views.py, helpers.py and cli.py with get_actions() / get_auth_functions() / get_blueprints() /
# get_helpers() / get_commands().
FEATURES = ("dataapi", "linkcheck", "overlap", "participation", "policymap", "portal")


def feature_modules(part: str) -> list:
    return [importlib.import_module(f"ckanext.opengov.{name}.{part}") for name in FEATURES]


def _merged(*tables: dict) -> dict:
    """One dict of actions or auth functions; a name given twice is a wiring mistake (one
    plugin can chain a core function only once), so it stops the start."""
    merged: dict = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise RuntimeError(f"opengov registers {sorted(twice)} twice")
        merged.update(table)
    return merged
