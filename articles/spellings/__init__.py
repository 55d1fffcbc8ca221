"""Spellings of one word that the archive teaches itself (the variants table search reads).

- copies.py: where two copies of one text differ in a single word, the two words are a candidate;
- usage.py: word vectors trained on the archive say how alike two words are used;
- learning.py: which candidates are spellings of one name, and which pairs the letter rules would
  join although the archive uses them apart; `manage.py learn_spellings` runs it.
"""
