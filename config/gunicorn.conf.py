"""gunicorn settings for production: ``gunicorn -c config/gunicorn.conf.py config.wsgi``.

Everything can be overridden from the environment (the standard ``GUNICORN_CMD_ARGS`` too):
  BIND               address to listen on (default 0.0.0.0:8000; a TLS proxy sits in front)
  WEB_CONCURRENCY    worker processes (default 2 × CPU cores + 1, at most 12)
  GUNICORN_TIMEOUT   seconds before a stuck worker is killed and replaced (default 30)
  GUNICORN_MAX_REQUESTS  requests before a worker is recycled (default 1000, with jitter)
"""

import multiprocessing
import os

MAX_DEFAULT_WORKERS = 12

bind = os.getenv("BIND", "0.0.0.0:8000")
workers = int(
    os.getenv("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, MAX_DEFAULT_WORKERS))
)
# Sync workers: every page is a short database read; the load balancer buffers slow clients.
worker_class = "sync"
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (bounds any slow leak); jitter keeps them from restarting together.
max_requests = int(os.getenv("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# Heartbeat files in RAM: a slow or full disk must not make gunicorn kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Don't load the app in the master: each worker opens its own database connections.
preload_app = False

# Logs to stdout/stderr, where the platform (systemd, Docker, Kubernetes) collects them.
accesslog = "-"
errorlog = "-"
loglevel = os.getenv("GUNICORN_LOG_LEVEL", "info")
# Client address as the TLS proxy passed it, method, path, status, bytes, duration in ms.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
# Trust X-Forwarded-* only from the proxy (comma-separated addresses; default: loopback).
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
