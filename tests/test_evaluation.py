"""Attribution quality on 200 labelled corpus articles (skipped without ../shared/corpus)."""

import pytest

from evaluation.attributions import CORPUS, evaluate

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]


def test_attribution_extraction_and_outlet_resolution_on_the_labelled_sample():
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent: the labelled evaluation reads the real corpus")
    scores, _ = evaluate(CORPUS)
    assert scores["articles"] == 200
    # Measured 0.976 / 0.965 on this (development, not held-out) sample; the target is 0.95 for both.
    assert scores["resolution_precision"] >= 0.95
    assert scores["resolution_recall"] >= 0.95


def test_the_event_labels_are_at_least_fifty_stories_each_judged_once():
    from evaluation.events import _labels

    labels = _labels()
    assert len(labels) >= 50
    seeds = [label["seed"] for label in labels]
    assert len(set(seeds)) == len(seeds)
    for label in labels:
        assert not set(label["members"]) & set(label["others"])
        assert label["seed"] not in label["members"] + label["others"]


def test_the_key_name_judgments_judge_each_word_once():
    import json

    from evaluation.key_names import LABELS

    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    assert len(labels["names"]) + len(labels["not_names"]) >= 300
    assert not set(labels["names"]) & set(labels["not_names"])


def test_a_signal_is_scored_by_how_it_ranks_pairs_of_one_story_above_pairs_of_two():
    from evaluation.events import _ranking_quality

    perfect = _ranking_quality([True, True, False, False])
    assert perfect == {"average precision": 1.0, "best min(P, R)": 1.0}
    mixed = _ranking_quality([True, False, True, False])  # precisions 1 and 2/3 at the two finds
    assert mixed["average precision"] == pytest.approx((1 + 2 / 3) / 2, abs=1e-3)
    assert mixed["best min(P, R)"] == pytest.approx(2 / 3, abs=1e-3)
    assert _ranking_quality([False, False, True])["average precision"] == pytest.approx(1 / 3, abs=1e-3)
