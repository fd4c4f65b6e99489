"""Print the folders CKAN serves static files from, in CKAN's order (first match wins).

nginx serves these itself. The list is read from the app CKAN builds (plugins add their
``public`` folders while loading), so it is exactly what the web workers would serve.
Usage: ``python -m ckanext.opengov.ops.public_paths /path/to/ckan.ini``.
"""
from __future__ import annotations

import os
import sys


def main(ini: str) -> None:
    from ckan.cli import CKANConfigLoader
    from ckan.config.middleware import make_app

    app = make_app(CKANConfigLoader(ini).get_config())
    flask_app = getattr(app, "_wsgi_app", app)
    # The raw list: an empty entry (unset extra_public_paths) would resolve to CKAN's own
    # source folder, which is nothing to publish.
    for folder in flask_app._static_folder:
        if folder and os.path.isdir(os.path.join(flask_app.root_path, folder)):
            print(os.path.abspath(os.path.join(flask_app.root_path, folder)))


if __name__ == "__main__":
    main(sys.argv[1])
