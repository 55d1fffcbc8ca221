"""The API against its own OpenAPI schema, with schemathesis: generated requests (bounded examples
per operation) get the status codes and bodies the schema documents, and never a server error."""

import io

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, settings

from newsroom.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema", application)


@pytest.fixture
def demo_archive(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_keeps_to_its_schema(case, demo_archive):
    case.call_and_validate()
