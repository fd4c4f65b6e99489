"""ckanext-opengov: a Thai open-government data portal on CKAN."""
import os


def i18n_dir() -> str:
    """Folder of the message catalogs (installed as the ckanext.opengov.i18n package)."""
    from ckanext.opengov import i18n  # noqa: F401  (a package mapped from the top-level i18n/)

    return os.path.dirname(i18n.__file__)
