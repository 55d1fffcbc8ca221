"""Search acceptance on the five real scraped pages (read from ../shared/seeds, skipped when absent)."""

import pytest

from articles.models import Article
from articles.search.engine import run_search
from tests.conftest import run_ingest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "قيرغيزستان": {"000", "001", "002", "003", "004"},
    "قرغيزستان": {"000", "001", "002", "003", "004"},
    "جاباروف": {"000", "001", "002"},
    "بلينكين": {"000", "004"},
    "أوزبكستان": {"000", "002", "003"},
    '"معاهدة الأمن الجماعي"': {"000", "001", "004"},
    "فرانس برس": {"000"},
    "قِيرْغِيزِسْتَان": {"000", "001", "002", "003", "004"},
    "بوتين -كازاخستان": {"001"},
}


@pytest.fixture
def seeds(seeds_dir):
    status, _, err = run_ingest(str(seeds_dir))
    assert status == 0, err
    return {article.pk: article.source_name.rsplit("/", 1)[-1][:3] for article in Article.objects.all()}


def found(seeds, query: str) -> set[str]:
    results = run_search({"q": query})
    return {seeds[hit.article.pk] for hit in results.hits}


@pytest.mark.parametrize("query", EXPECTED)
def test_it_returns_exactly_the_expected_seeds(seeds, query):
    assert found(seeds, query) == EXPECTED[query]


def test_it_names_the_other_spellings_it_admitted(seeds):
    results = run_search({"q": "قرغيزستان"})
    assert "قيرغيزستان" in results.variants


def test_it_marks_every_surface_form_in_snippets(seeds):
    results = run_search({"q": "قيرغيزستان"})
    marked = " ".join(str(hit.title) + str(hit.snippet) for hit in results.hits)
    assert "<mark>قيرغيزستان</mark>" in marked and "<mark>قرغيزستان</mark>" in marked
