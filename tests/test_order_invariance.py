"""A list's entries read the same whatever order the curator keeps them in.

The reader decides some things from what repeats down a list (which slot is the title, which text is a
label); a decision that depended on which entry came first would read the same entry differently after a
curator re-sorted the list. Each block below is one hand-written list of one layout class; hypothesis
shuffles its entries and every entry must come out exactly as in the original order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_merge.parse import parse_text

# One layout class per list: (a heading, the entries as separate blocks, the separator between blocks).
LISTS: dict[str, tuple[str, list[str], str]] = {
    "bullets with role links": (
        "## Papers\n\n",
        [
            "- Sparse Gradient Sharing for Private Clients [[paper](https://arxiv.org/abs/2301.00011)]"
            " [[code](https://github.com/ex/sparse)]",
            "- **Adaptive Server Momentum** Ana Ruiz, Bo Li. NeurIPS 2021."
            " [[pdf](https://arxiv.org/abs/2102.00022)]",
            "- [Client Drift under Label Skew](https://arxiv.org/abs/2003.00033), ICML 2020",
            "- [Fair Aggregation with Noisy Votes](https://doi.org/10.1145/1234567.7654321) - KDD 2022",
        ],
        "\n",
    ),
    "bold title with labelled link lines": (
        "## Detection\n\n",
        [
            "**Counting Birds from Drone Images**\n\n- Paper: https://arxiv.org/abs/2401.00101\n"
            "- Code: https://github.com/ex/birds",
            "**Shadow-Aware Object Proposals**\n\n- Paper: https://arxiv.org/abs/2402.00202\n- Code: None",
            "**Thin Structure Segmentation in the Wild**\n\n- Paper: https://arxiv.org/abs/2403.00303\n"
            "- Code: https://github.com/ex/thin",
        ],
        "\n\n",
    ),
    "table with a link column": (
        "## Benchmarks\n\n| Title | Venue | Paper | Code |\n|---|---|---|---|\n",
        [
            "| Graph Pooling Revisited | ICLR 2022 | [arXiv](https://arxiv.org/abs/2201.00404) |"
            " [GitHub](https://github.com/ex/pool) |",
            "| Message Passing at Scale | KDD 2021 | [arXiv](https://arxiv.org/abs/2105.00505) | - |",
            "| Oversmoothing Is Not Inevitable | NeurIPS 2023 | [arXiv](https://arxiv.org/abs/2306.00606) |"
            " [GitHub](https://github.com/ex/smooth) |",
        ],
        "\n",
    ),
    "one citation per paragraph": (
        "## Reading\n\n",
        [
            "Mara Olsen, Tom Berg. [**Grid Codes from Path Integration**](https://arxiv.org/abs/1901.00707)"
            " bioRxiv (2019)",
            "Ines Kahl, Yuri Petrov. [**Replay Sequences in Recurrent Networks**](https://arxiv.org/abs/2002.00808)"
            " arXiv (2020)",
            "Lena Dorn, Sam Pike. [**Place Fields without Place Cells**](https://arxiv.org/abs/2104.00909)"
            " Neuron (2021)",
        ],
        "\n\n",
    ),
}


def _read(head: str, blocks: list[str], sep: str) -> dict[str, tuple[object, ...]]:
    """Every entry keyed by its paper link, with everything the reader decided about it but its line."""
    entries, _ = parse_text(head + sep.join(blocks) + "\n", "list.md")
    return {
        e.url: (
            e.title,
            tuple(e.alt_urls),
            e.code_url,
            e.arxiv_id,
            e.doi,
            e.venue,
            e.year,
            tuple(e.authors),
            e.kind,
            e.section,
        )
        for e in entries
    }


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_reordering_a_list_changes_no_entry(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(LISTS)))
    head, blocks, sep = LISTS[name]
    original = _read(head, blocks, sep)
    assert len(original) == len(blocks), f"{name}: every block is one entry"
    shuffled = data.draw(st.permutations(blocks))
    assert _read(head, list(shuffled), sep) == original
