"""How the portal runs as a deployment: the WSGI entry point for the web workers, the scheduler
of periodic CKAN commands, and the static folders nginx serves (used by dev/deployment.sh)."""
