"""Write a core's schema.xml from the one the installed CKAN ships.

Kept as a separate step so the Thai analysis can be layered onto CKAN's schema here
without committing a copy of CKAN's file.
Usage: make_schema.py CKAN_SCHEMA OUT
"""
import shutil
import sys


def main(src: str, out: str) -> None:
    shutil.copyfile(src, out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
