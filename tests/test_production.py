"""Production mode: settings from the environment, refused without a real key and hosts, deploy check clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=clean | {"DJANGO_DEBUG": "0"} | env, cwd=ROOT,
        capture_output=True, text=True,
    )  # fmt: skip


def test_it_refuses_to_start_without_a_secret_key_or_allowed_hosts():
    no_key = manage("check", DJANGO_ALLOWED_HOSTS="isnad.example")
    assert no_key.returncode != 0 and "DJANGO_SECRET_KEY is not set" in no_key.stderr
    short_key = manage("check", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="isnad.example")
    assert short_key.returncode != 0 and "at least 50 characters" in short_key.stderr
    no_hosts = manage("check", DJANGO_SECRET_KEY=secrets.token_urlsafe(60))
    assert no_hosts.returncode != 0 and "DJANGO_ALLOWED_HOSTS is not set" in no_hosts.stderr


def test_the_deploy_check_has_no_warnings():
    result = manage(
        "check", "--deploy", DJANGO_SECRET_KEY=secrets.token_urlsafe(60), DJANGO_ALLOWED_HOSTS="isnad.example"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
