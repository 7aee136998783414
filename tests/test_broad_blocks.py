"""A word thousands of titles share blocks them by a second shared key: the pairs stop growing with the
square of the corpus, and a retyped title still finds its other copy through its rarer words."""

from __future__ import annotations

from conftest import entries_frame, same_cluster
from growth import made_up_word

from awesome_merge.config import MatchConfig
from awesome_merge.frame import Entry
from awesome_merge.match import match_entries
from awesome_merge.match.evidence import BROAD_BLOCK, _narrowed


def test_a_broad_block_becomes_the_blocks_of_its_titles_second_broad_key() -> None:
    """Catches a broad block kept whole (its pairs grow with the square of the corpus) or narrowed to
    keys its titles do not share."""
    first = list(range(0, BROAD_BLOCK + 200))
    second = list(range(BROAD_BLOCK // 2, 2 * BROAD_BLOCK))
    blocks = {"gadget": first, "widget": second, "sprocket": [3, 7]}
    narrowed, count = _narrowed(blocks)
    assert count == 2
    assert narrowed["sprocket"] == [3, 7]
    assert "gadget" not in narrowed and "widget" not in narrowed
    assert narrowed["gadget\1widget"] == sorted(set(first) & set(second))


def test_blocks_no_bigger_than_the_bound_stay_as_they_are() -> None:
    blocks = {"gadget": list(range(BROAD_BLOCK)), "widget": [1, 2]}
    assert _narrowed(blocks) == (blocks, 0)


def test_a_retyped_title_among_thousands_sharing_one_word_is_still_merged() -> None:
    """Catches narrowing that loses the pairs it should keep: two copies of one title share rarer words
    than the word every title holds, and are compared in those words' blocks."""
    entries = [
        Entry(
            source="a.md",
            line=i + 1,
            title=f"Widget {made_up_word(3 * i)} {made_up_word(3 * i + 1)} {made_up_word(3 * i + 2)} design",
            url=f"https://example.org/{i}",
        )
        for i in range(BROAD_BLOCK + 100)
    ]
    copy = entries[10].title.replace("design", "designs")
    entries.append(Entry(source="b.md", line=1, title=copy, url="https://example.net/copy"))
    matching = match_entries(entries_frame(entries), MatchConfig(), ())
    assert same_cluster(matching, 10, len(entries) - 1)
    assert matching.title_pairs.blocks_narrowed >= 1
    # Without narrowing, the block of `widget` alone is over half a million pairs.
    assert matching.title_pairs.pairs_scored < 10 * len(entries)


def test_the_summary_says_how_many_broad_groups_were_narrowed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Catches pairs left uncompared in silence: a curator must be told the comparing was narrowed."""
    from test_cli import run

    lines = [
        f"- [Widget {made_up_word(3 * i)} {made_up_word(3 * i + 1)} {made_up_word(3 * i + 2)} design]"
        f"(https://example.org/{i})"
        for i in range(BROAD_BLOCK + 100)
    ]
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "list.md").write_text("# Widgets\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    done = run(sources, "-o", tmp_path / "out", "-v")
    assert done.code == 0, done.err
    said = done.out + done.err
    # In the summary every run prints, and in the -v line on title pairs.
    assert said.count(f"groups of over {BROAD_BLOCK} titles sharing one word compared only where") == 2
