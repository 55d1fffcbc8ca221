"""The editors' admin: articles and their attributions, events, ingest runs, shared text, spellings."""

from django.contrib import admin

from articles.admin import articles, attributions, events, ingest, shared_text, spellings  # noqa: F401 - registers them

# The admin speaks for the product, not for Django («إدارة جانغو»).
admin.site.site_header = "إسناد — إدارة الأرشيف"
admin.site.site_title = "إسناد"
admin.site.index_title = "إدارة الأرشيف"
