import pytest

from tests.conftest import kinds, preview, write

pytestmark = pytest.mark.django_db

PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>افتتاح متحف للخط العربي في جدة | عكاظ</title>
<meta property="og:title" content="افتتاح متحف للخط العربي في جدة">
<meta property="og:site_name" content="عكاظ">
<meta property="article:published_time" content="2024-03-05T09:15:00+03:00">
<link rel="canonical" href="https://www.okaz.com.sa/culture/2024/03/05/museum">
<script>var tracking = "لا تظهر هذه الجملة في النص";</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>افتتاح متحف للخط العربي في جدة</h1>
<p>جدة - واس</p>
<p>افتتح في جدة التاريخية اليوم متحف مخصص للخط العربي، يضم أكثر من ثلاثمائة قطعة نادرة من المخطوطات واللوحات
التي تمتد عبر عشرة قرون، إلى جانب قاعة تفاعلية لتعليم الزوار أساسيات خط النسخ والثلث.</p>
<p>وقال مدير المتحف إن المعروضات جُمعت من مكتبات خاصة ومن مقتنيات أسر تبرعت بها، وإن المتحف سيستقبل الزوار
يومياً عدا الجمعة، مع برنامج للمدارس يبدأ في الفصل الدراسي المقبل، وفق وكالة الأنباء السعودية.</p>
<p>اقرأ أيضاً:</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_pages_get_main_text_metadata_and_the_same_rules(tmp_path):
    [article] = preview(write(tmp_path, "museum.html", PAGE))
    assert article["title"] == "افتتاح متحف للخط العربي في جدة"
    assert article["publisher"]["slug"] == "okaz"
    assert article["published"] == "2024-03-05"
    assert "يضم أكثر من ثلاثمائة قطعة" in article["body"]
    assert "tracking" not in article["body"] and "الرئيسية" not in article["body"]
    assert "اقرأ أيضاً" not in article["body"]
    assert ("quoted_source", "spa") in kinds(article)
