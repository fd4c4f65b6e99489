"""CKAN plugin entry point: connects CKAN's interfaces to the modules that do the work."""
from __future__ import annotations


import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultTranslation

from ckanext.opengov import cli, helpers, i18n_dir
from ckanext.opengov.logic import action
from ckanext.opengov.logic import harvest as harvest_actions
from ckanext.opengov.logic import harvest_auth
from ckanext.opengov.views import harvest as harvest_views
from ckanext.opengov.tgdc import validators
from ckanext.opengov.tgdc.permissions import ClassificationPermissionLabels

@tk.blanket.config_declarations
class OpengovPlugin(p.SingletonPlugin, DefaultTranslation, ClassificationPermissionLabels):
    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IClick)
    p.implements(p.ITemplateHelpers)
    p.implements(p.IValidators)
    p.implements(p.IActions)
    p.implements(p.IPermissionLabels)
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
        return {**action.get_actions(), **harvest_actions.get_actions()}

    # IAuthFunctions
    def get_auth_functions(self):
        return harvest_auth.get_auth_functions()

    # IBlueprint
    def get_blueprint(self):
        return [harvest_views.blueprint]
