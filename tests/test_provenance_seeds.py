"""Provenance acceptance on the five real scraped pages (read from ../shared/seeds, skipped when absent)."""

import io
import json

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.provenance.graph import provenance_of
from tests.conftest import run_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(seeds_dir):
    status, _, err = run_ingest(str(seeds_dir))
    assert status == 0, err
    return {
        article.source_name.rsplit("/", 1)[-1][:3]: article for article in Article.objects.select_related("publisher")
    }


def chain_labels(article) -> list[str]:
    return [node.label for node in provenance_of(article).chain]


def test_it_reads_the_content_farm_chain_in_order(seeds):
    assert chain_labels(seeds["000"]) == ["ينبوع المعرفة", "إشراق 24", "عالميات"]
    result = provenance_of(seeds["000"])
    assert not result.origin.in_archive
    assert [hop.kind for hop in result.hops] == ["adapted_by", "previously_published_on"]
    assert "إشراق 24" in result.hops[0].evidence


def test_it_keeps_afp_as_a_quoted_source_not_a_hop(seeds):
    result = provenance_of(seeds["000"])
    assert ("quoted_source", "afp") in {(a.kind, a.outlet.slug if a.outlet else None) for a in result.cited}
    assert "afp" not in {node.outlet.slug for node in result.chain if node.outlet}


def test_it_shows_the_text_shared_with_asharq_with_its_containment(seeds):
    copies = provenance_of(seeds["000"]).copies
    assert [copy.article for copy in copies] == [seeds["001"]]
    assert 0.2 <= copies[0].containment < 0.4  # an adaptation: a quarter kept word for word
    assert copies[0].passage  # a shared passage, in the article's own spelling


def test_it_never_gives_the_content_farm_as_the_origin_of_asharq(seeds):
    result = provenance_of(seeds["001"])
    assert result.is_original
    assert all(copy.relation != "upstream" for copy in result.copies)
    assert not seeds["001"].attributions.filter(upstream=seeds["000"]).exists()


def test_it_ends_al_sharq_copy_in_a_node_outside_the_archive(seeds):
    result = provenance_of(seeds["004"])
    assert [hop.kind for hop in result.hops] == ["republished_from"]
    assert result.origin.outlet.slug == "al-sharq-qatar"
    assert not result.origin.in_archive


@pytest.mark.parametrize("seed", ["002", "003"])
def test_it_invents_no_upstream_for_unrelated_pieces(seeds, seed):
    result = provenance_of(seeds[seed])
    assert result.copies == []
    assert all(hop.claimed_by != "text_reuse" for hop in result.hops)


def test_the_command_and_the_api_return_the_same_graph(seeds, client):
    out = io.StringIO()
    call_command("provenance", str(seeds["000"].pk), "--json", stdout=out)
    from_command = json.loads(out.getvalue())
    from_api = client.get(f"/api/articles/{seeds['000'].pk}/provenance").json()
    assert from_command == from_api
    assert from_api["chain"][0] == f"article:{seeds['000'].pk}"
    shared = [edge for edge in from_api["edges"] if edge["kind"] == "shared_text"]
    assert shared and shared[0]["relation"] == "unknown"


def test_the_pages_show_the_chain_and_the_summary(seeds, client):
    page = client.get(f"/articles/{seeds['000'].pk}/provenance/").content.decode()
    assert page.index("إشراق 24") < page.index("عالميات")
    assert "الأصل ليس في الأرشيف" in page
    article_page = client.get(f"/articles/{seeds['000'].pk}/").content.decode()
    assert "منقول عن إشراق 24 — المصدر الأصلي عالميات (ليس في الأرشيف)" in article_page
    compare = client.get(f"/articles/{seeds['000'].pk}/compare/{seeds['001'].pk}/")
    assert compare.status_code == 200 and "<del>" in compare.content.decode()


def test_the_seeds_form_four_events(seeds):
    events = {seed: article.event_id for seed, article in seeds.items()}
    assert events["000"] == events["001"] is not None
    assert len({events["000"], events["002"], events["003"], events["004"]}) == 4
