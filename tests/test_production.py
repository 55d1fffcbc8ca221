"""Production mode: settings from the environment, refused without a real key and hosts, deploy check clean."""

import io
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

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


def deploy_check() -> subprocess.CompletedProcess:
    from newsroom.database_url import same_database_env

    return manage(
        "check", "--deploy", DJANGO_SECRET_KEY=secrets.token_urlsafe(60), DJANGO_ALLOWED_HOSTS="isnad.example",
        DATABASE_URL=same_database_env()["DATABASE_URL"],
    )  # fmt: skip


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_deploy_check_has_no_warnings():
    result = deploy_check()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_deploy_check_fails_while_the_demo_password_works():
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("editor", "editor@example.invalid", "isnad-demo")
    result = deploy_check()
    assert result.returncode == 1 and "isnad.E001" in result.stderr and "'editor'" in result.stderr
    editor.set_password(secrets.token_urlsafe(20))
    editor.save()
    assert deploy_check().returncode == 0


@pytest.mark.django_db
def test_the_demo_editor_exists_only_when_asked_for_in_debug_mode(settings):
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="never in production"):
        call_command("load_demo", "--demo-editor", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
    settings.DEBUG = True
    call_command("load_demo", "--demo-editor", stdout=io.StringIO())
    assert get_user_model().objects.get().username == "editor"
