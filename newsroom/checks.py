"""System checks of our own: `manage.py check --deploy` fails while a published password works."""

from django.contrib.auth.hashers import check_password
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

# Passwords this project has published (README, `make run`): an account using one is open to anyone.
KNOWN_PASSWORDS = ("isnad-demo",)
DEMO_USERNAMES = ("editor",)


@register(Tags.security, deploy=True)
def no_published_passwords(app_configs, **kwargs):
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    User = get_user_model()
    try:
        users = list(User.objects.filter(Q(is_superuser=True) | Q(username__in=DEMO_USERNAMES), is_active=True))
    except DatabaseError:
        return []  # no database yet: `migrate` comes first, and there is no account to check
    return [
        Error(
            f"The account {user.get_username()!r} logs in with a password published with this project.",
            hint="Change its password (`manage.py changepassword`) or delete it; the demo editor is for `make run` only.",
            obj=user,
            id="isnad.E001",
        )
        for user in users
        if any(check_password(password, user.password) for password in KNOWN_PASSWORDS)
    ]
