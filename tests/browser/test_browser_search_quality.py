"""The search query set (search_queries.yml): what readers type, and what they must find."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
import yaml

from search_support import holds_word, type_query, words_of_results

pytestmark = pytest.mark.browser

QUERY_SET = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers(browser, site):
    """Return query → (the ids the header box lists for it, best first; ms from last key to results)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url(""))
    found = {}
    for q in QUERY_SET["queries"]:
        results, ms = type_query(page, q["query"])
        found[q["query"]] = ([r.id for r in results], [r.path for r in results], ms)
    for rule_query in {r["same_as"] for q in QUERY_SET["queries"] for r in q.get("rules", []) if "same_as" in r}:
        if rule_query not in found:
            results, ms = type_query(page, rule_query)
            found[rule_query] = ([r.id for r in results], [r.path for r in results], ms)
    context.close()
    return found


def broken_rules(query: dict, answers: dict, texts: dict[str, str]) -> list[str]:
    """Return what the results for ``query`` break of its rules."""
    ids, paths, _ = answers[query["query"]]
    broken = []
    for rule in query.get("rules", []):
        if "first" in rule and ids[:1] != [rule["first"]]:
            broken.append(f"first is {ids[:1]}, not {rule['first']}")
        if "top_contain_word" in rule:
            n, word = rule["top_contain_word"]["results"], rule["top_contain_word"]["word"]
            missing = [i for i in ids[:n] if not holds_word(texts[i], word)]
            if missing or len(ids) < n:
                broken.append(f"of the first {n} results, these do not hold '{word}': {missing} (of {ids[:n]})")
        if "top_from_page" in rule:
            spec = rule["top_from_page"]
            count = sum(path == spec["page"] for path in paths[:spec["results"]])
            if count < spec["at_least"]:
                broken.append(f"{count} of the first {spec['results']} are from {spec['page']}: {ids[:spec['results']]}")
        if "same_as" in rule and ids != answers[rule["same_as"]][0]:
            broken.append(f"results differ from those of '{rule['same_as']}': {ids} / {answers[rule['same_as']][0]}")
    return broken


def test_every_rule_of_the_query_set_holds(answers, site):
    texts = words_of_results(site.root)
    failures = {q["query"]: broken_rules(q, answers, texts) for q in QUERY_SET["queries"]}
    assert not {q: f for q, f in failures.items() if f}, failures


def test_the_query_set_finds_what_readers_mean_in_the_first_three(answers):
    found = [q["query"] for q in QUERY_SET["queries"] if set(answers[q["query"]][0][:3]) & set(q["expect"])]
    missed = {q["query"]: answers[q["query"]][0][:3] for q in QUERY_SET["queries"] if q["query"] not in found}
    rate = len(found) / len(QUERY_SET["queries"])
    times = [answers[q["query"]][2] for q in QUERY_SET["queries"]]
    print(f"\nquery set: {len(found)} of {len(QUERY_SET['queries'])} found in the first 3 ({rate:.0%}); "
          f"keystroke to results: median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms "
          f"(the first, which loads the index, {times[0]:.0f} ms)")
    hard_missed = {q["query"] for q in QUERY_SET["queries"] if q.get("hard")} & set(missed)
    print(f"missed: {missed}; of them hard: {sorted(hard_missed)}")
    assert rate >= QUERY_SET["min_pass_rate"], missed
