"""ckanext-opengov: a Thai open-government data portal on CKAN.

The schemas and translations live at the top of the repository (schemas/, i18n/) and are
installed inside the package as ckanext.opengov.schemas and ckanext.opengov.i18n.
"""
import os

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
DOMAIN = "ckanext-opengov"


class BuildPyWithCatalogs(build_py):
    """Compile i18n/<locale>/LC_MESSAGES/*.po into .mo files inside the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # editable installs read i18n/ in place; `make i18n` compiles there
        import importlib.util

        # i18n/catalogs.py merges <locale>/ckan-core.po (CKAN core's missing Thai) under ours.
        spec = importlib.util.spec_from_file_location("opengov_catalogs", os.path.join(HERE, "i18n", "catalogs.py"))
        catalogs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogs)
        src = os.path.join(HERE, "i18n")
        dest = os.path.join(self.build_lib, "ckanext", "opengov", "i18n")
        for locale in catalogs.locales(src):
            catalogs.compile_locale(src, locale, os.path.join(dest, locale, "LC_MESSAGES", DOMAIN + ".mo"))


setup(
    name="ckanext-opengov",
    version="0.1.0",
    description="Thai open-government data portal for CKAN: TGDC schemas, harvesters, transparency",
    long_description=open(os.path.join(HERE, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.10",
    packages=find_namespace_packages(include=["ckanext.opengov", "ckanext.opengov.*"])
    + ["ckanext.opengov.schemas", "ckanext.opengov.i18n"],
    package_dir={
        "ckanext.opengov.schemas": "schemas",
        "ckanext.opengov.i18n": "i18n",
    },
    package_data={
        "ckanext.opengov": [
            "config_declaration.yaml",
            "templates/**/*",
            "assets/**/*",
            "public/**/*",
            "migration/**/*",
            "demo/*.json",
            "demo/files/*",
            "dataapi/assets/**/*",
        ],
        "ckanext.opengov.schemas": ["*.yaml", "*.json"],
        "ckanext.opengov.i18n": ["*/LC_MESSAGES/*.po", "*/LC_MESSAGES/*.mo", "*/ckan-core.po"],
    },
    include_package_data=False,
    zip_safe=False,
    # Everything ckanext/opengov imports (tests/test_packaging.py checks it): CKAN with its own
    # pinned requirements (Flask, SQLAlchemy, lxml, redis, requests, ...), the extensions it
    # builds on, and the libraries of its own features. ckanext-xloader stays optional (dataapi/
    # imports it only when loading; its metadata conflicts with CKAN 2.12's pins).
    install_requires=[
        "ckan[requirements]>=2.11,<2.13",
        "ckanext-scheming>=3.1",
        "ckanext-harvest>=1.6",
        "ckanext-dcat>=2.4",
        "requests",
        "rdflib>=6.1",          # dcat/ (also ckanext-dcat's)
        "defusedxml>=0.7",      # harvest/safe_http.py: RDF/XML and XLSX checked before parsing
        "openpyxl>=3.1",        # XLSX: transparency exports, spreadsheet harvester, dataapi/
        "xlrd>=2.0",            # dataapi/: legacy .xls
        "pythainlp>=5.0",       # overlap/, portal/: Thai word segmentation
        "datasketch>=1.6",      # overlap/: MinHash LSH
    ],
    cmdclass={"build_py": BuildPyWithCatalogs},
    entry_points={
        "ckan.plugins": [
            "opengov = ckanext.opengov.plugin:OpengovPlugin",
            "opengov_ckan = ckanext.opengov.harvest.ckan_harvester:OpengovCkanHarvester",
            "opengov_dcat = ckanext.opengov.harvest.dcat_harvester:OpengovDcatHarvester",
            "opengov_sheet = ckanext.opengov.harvest.sheet_harvester:OpengovSheetHarvester",
            "opengov_chart_view = ckanext.opengov.dataapi.chart_view:ChartView",
        ],
        "ckan.rdf.profiles": [
            "opengov_tgdc = ckanext.opengov.dcat.profile:OpengovTGDCProfile",
            "opengov_tgdc_harvest = ckanext.opengov.harvest.dcat_profile:TGDCHarvestProfile",
        ],
    },
)
