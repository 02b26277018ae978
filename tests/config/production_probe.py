"""Requests made with the production settings (DEBUG=0 and the documented variables), in a
process of their own, since settings are read from the environment at start-up.

``python -m tests.config.production_probe STATIC_ROOT`` collects the static files into
STATIC_ROOT (hashed and compressed, as a deploy does), migrates the database DATABASE_URL
names, then prints as JSON the status and headers of each request in ``REQUESTS``.
"""

import json
import os
import sys
from io import StringIO

HOST = "idekatalog.example.dk"
HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}  # what the TLS-terminating proxy sends

# name: (path, extra request headers)
REQUESTS = {
    "page over https": ("/", HTTPS),
    "page over plain http": ("/indsatser/?tema=familie", {}),
    "health check over plain http": ("/healthz", {}),
    "static file": ("STATIC:css/app.css", HTTPS),
}


def main(static_root: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import config.settings

    config.settings.STATIC_ROOT = static_root  # not the checkout's staticfiles/
    import django

    django.setup()
    from django.core.management import call_command
    from django.templatetags.static import static
    from django.test import Client

    call_command("collectstatic", "--noinput", verbosity=0, stdout=StringIO())
    call_command("migrate", verbosity=0, stdout=StringIO())
    client = Client(HTTP_HOST=HOST)
    found = {}
    for name, (path, extra) in REQUESTS.items():
        if path.startswith("STATIC:"):
            path = static(path.removeprefix("STATIC:"))
        response = client.get(path, headers={"Accept-Encoding": "br, gzip"}, **extra)
        if response.streaming:
            b"".join(response.streaming_content)
        found[name] = {"path": path, "status": response.status_code, **response.headers}
    json.dump(found, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
