"""Arabic full-text search: analysis, query syntax, spelling variants, ranking and snippets.

Documents and queries go through the same analyzer (`analysis.py`), written in Python and applied
at write time: PostgreSQL stores the finished tsvector and only matches and ranks. The public
search page, `GET /api/search` and the admin's article search all call `run_search`.
"""
