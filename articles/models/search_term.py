"""The search vocabulary: every indexed word form, for spelling variants and suggestions."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models


class SearchTerm(models.Model):
    """A word form seen in indexed articles (folded, without the definite article).

    Transliterated names are spelled many ways (قرغيزستان/قيرغيزستان, ترامب/ترمب) and no stemmer
    joins them; a query word is expanded to the forms here that share its sound skeleton (its
    consonants, letters of one foreign sound merged) or are close to it in trigrams.
    """

    form = models.CharField("الصيغة", max_length=100, primary_key=True)
    lexeme = models.CharField("الجذع المفهرس", max_length=100)
    skeleton = models.CharField("الهيكل الساكن", max_length=100)
    display = models.CharField("كما كُتبت", max_length=100)
    article_count = models.PositiveIntegerField("عدد المقالات", default=0)
    # Articles where it takes the definite article: common nouns mostly do (المملكة), names of
    # people never (ترامب); only name-like words are expanded to spelling variants.
    definite_count = models.PositiveIntegerField("عدد المقالات معرّفاً", default=0)
    # Articles where it is written as a word of its own, not only read inside a longer one after a
    # proclitic letter (يما in every فيما, انون in every كانون): how common a bare reading really is.
    written_count = models.PositiveIntegerField("عدد المقالات كلمةً مستقلة", default=0)
    # Articles where it is written with the article and nothing else before it (المانيا, الون): the
    # share says whether a word in ال is the article and this form, or a name's own ال (إلون) that
    # a bare spelling would write so (compile._with_other_alef).
    with_article_count = models.PositiveIntegerField("عدد المقالات بأل وحدها", default=0)
    # For a form that starts with a proclitic's letter: how alike the archive uses it and the form
    # without that letter (word vectors; articles.spellings.readings), or None if not measured.
    bare_usage = models.FloatField("تشابه الاستعمال مع الكلمة دون حرفها الأول", null=True, blank=True)

    class Meta:
        verbose_name = "كلمة مفهرسة"
        verbose_name_plural = "مفردات البحث"
        indexes = [
            models.Index(fields=["skeleton"], name="search_term_skeleton"),
            # A variant is matched by its lexeme: what else the index holds under it (vocabulary).
            models.Index(fields=["lexeme"], name="search_term_lexeme"),
            GinIndex(OpClass("form", name="gin_trgm_ops"), name="search_term_form_trgm"),
        ]

    def __str__(self):
        return self.display
