"""Table column roles decided from evidence over the whole table."""

from __future__ import annotations

from textwrap import dedent

from awesome_merge.parse import parse_text


def test_a_column_of_repeated_values_is_never_the_title_column():
    text = dedent(
        """\
        # Timeline

        | When | Release | Paper | Trained Model |
        | --- | --- | --- | --- |
        | 03.01 | [Sparse Echo: Learning to Hum Backwards](https://echo.example.org/) | [arXiv](https://arxiv.org/abs/2401.00001) | [Model Hub](https://hub.example.com/a) |
        | 04.02 | [Quiet Diffusion for Loud Rooms](https://quiet.example.org/) | [arXiv](https://arxiv.org/abs/2401.00002) | [Model Hub](https://hub.example.com/b) |
        | 05.03 | [Tokenised Waves at Scale](https://waves.example.org/) | [arXiv](https://arxiv.org/abs/2401.00003) | [Model Hub](https://hub.example.com/c) |
        | 06.04 | [A Melody Prior for Speech](https://melody.example.org/) | [arXiv](https://arxiv.org/abs/2401.00004) | [Model Hub](https://hub.example.com/d) |
        """
    )
    entries, _ = parse_text(text, "timeline.md")
    titles = [e.title for e in entries]
    assert "Model Hub" not in titles
    assert "Quiet Diffusion for Loud Rooms" in titles
    assert len(set(titles)) == 4
    assert {e.url for e in entries} >= {"https://arxiv.org/abs/2401.00002"} or any(
        "https://arxiv.org/abs/2401.00002" in [e.url, *e.alt_urls] for e in entries
    )
