"""CKAN plugin entry point: connects CKAN's interfaces to the modules that do the work."""
from __future__ import annotations


import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultTranslation

from ckanext.opengov import cli, helpers, i18n_dir
from ckanext.opengov.logic import action, harvest_auth, transparency_action, transparency_auth
from ckanext.opengov.logic import harvest as harvest_actions
from ckanext.opengov.search import facets, plugin_hooks
from ckanext.opengov.views import harvest as harvest_views
from ckanext.opengov.tgdc import validators
from ckanext.opengov.tgdc.permissions import ClassificationPermissionLabels
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
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IAuthFunctions)
    p.implements(p.IBlueprint)

    # IConfigurer
    def update_config(self, config):
        tk.add_template_directory(config, "templates")
        tk.add_public_directory(config, "public")
        tk.add_resource("assets", "opengov")

    # ITranslation: the catalogs are installed as the ckanext.opengov.i18n package.
    def i18n_directory(self):
        return i18n_dir()

    # IClick
    def get_commands(self):
        return cli.get_commands()

    # ITemplateHelpers
    def get_helpers(self):
        return helpers.get_helpers()

    # IValidators
    def get_validators(self):
        return validators.get_validators()

    # IActions
    def get_actions(self):
        return {**action.get_actions(), **transparency_action.get_actions(), **harvest_actions.get_actions()}

    # IPackageController: TGDC choices and the ministry become facetable fields.
    def before_dataset_index(self, pkg_dict):
        return plugin_hooks.before_dataset_index(pkg_dict)

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
        return {**transparency_auth.get_auth_functions(), **harvest_auth.get_auth_functions()}

    # IBlueprint
    def get_blueprint(self):
        return [*transparency_views.get_blueprints(), harvest_views.blueprint]
