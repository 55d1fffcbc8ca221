import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from articles.models import Article, Attribution
from sources.models import Outlet, OutletDomain

pytestmark = pytest.mark.django_db


def make_article(**fields):
    defaults = {"title": "عنوان", "body": "نص", "raw": "نص", "raw_format": "txt", "content_hash": "0" * 64}
    defaults.setdefault("source_key", fields.pop("source_key", None) or str(Article.objects.count()).zfill(64))
    return Article.objects.create(**{**defaults, **fields})


def test_the_database_refuses_an_invalid_attribution_kind():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.bulk_create([Attribution(article=article, kind="rumour")])


def test_the_database_refuses_a_confidence_above_one():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(article=article, kind="wire_credit", confidence=1.5)


def test_deleting_an_outlet_does_not_delete_the_articles_that_cite_it():
    outlet = Outlet.objects.create(name_ar="منفذ للتجربة", slug="test-outlet")
    article = make_article()
    Attribution.objects.create(article=article, kind="republished_from", outlet=outlet)
    with pytest.raises(ProtectedError):
        outlet.delete()
    assert Article.objects.filter(pk=article.pk).exists()


def test_deleting_a_publisher_is_refused_too():
    outlet = Outlet.objects.create(name_ar="ناشر للتجربة", slug="test-publisher")
    make_article(publisher=outlet)
    with pytest.raises(ProtectedError):
        outlet.delete()


def test_a_url_belongs_to_one_article():
    make_article(url="https://example.com/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://example.com/a", source_key="f" * 64)


def test_articles_without_url_do_not_collide():
    make_article(url=None)
    make_article(url=None)
    assert Article.objects.filter(url__isnull=True).count() == 2


def test_a_domain_belongs_to_one_outlet_and_is_stored_bare():
    outlet = Outlet.objects.create(name_ar="موقع", slug="site")
    domain = OutletDomain.objects.create(outlet=outlet, domain="https://www.Example-News.com/path")
    assert domain.domain == "example-news.com"
    with pytest.raises(IntegrityError), transaction.atomic():
        OutletDomain.objects.create(outlet=outlet, domain="example-news.com")


def test_the_gazetteer_is_loaded_by_migrations():
    afp = Outlet.objects.get(slug="afp")
    assert afp.kind == "wire_agency" and "أ ف ب" in afp.aliases
    assert Outlet.objects.get(domains__domain="al-sharq.com").slug == "al-sharq-qatar"
    assert (
        Outlet.objects.filter(kind="wire_agency", country__in=["SA", "QA", "AE", "KW", "JO", "SY", "EG"]).count() >= 7
    )


def test_a_long_id_list_selects_what_pk_in_selects():
    from articles.models.id_lists import any_of

    articles = [make_article(source_key=f"k{n}", content_hash=f"h{n}", url=f"https://x.test/{n}") for n in range(3)]
    wanted = [articles[0].pk, articles[2].pk, 10**9]
    assert set(Article.objects.filter(pk__in=any_of(wanted))) == {articles[0], articles[2]}
    assert set(Article.objects.exclude(pk__in=any_of(wanted))) == {articles[1]}
    assert not Article.objects.filter(pk__in=any_of([])).exists()
