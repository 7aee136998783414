"""`[vocabulary]` in the config: a field's own words join the reader's vocabularies for that run only."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import entries_of

from awesome_merge import merge
from awesome_merge.diagnostics import AwesomeMergeError
from awesome_merge.parse.vocabulary import use_words

LIST = (
    "# Widgets\n\n"
    "- [Learning Widgets from Gadgets](https://example.org/widgets), Gadgetfest 2023."
    " [Kodu](https://example.org/widgets-src.zip)\n"
)


@pytest.fixture(autouse=True)
def _built_in_words():
    use_words()
    yield
    use_words()


def _run(tmp_path: Path, config: str) -> tuple[str, str]:
    (tmp_path / "widgets.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "awesome-merge.toml").write_text(config, encoding="utf-8")
    row = merge([tmp_path]).entries.iloc[0]
    return row["code_url"], row["venue"]


def test_config_words_make_a_code_label_and_a_venue(tmp_path: Path) -> None:
    assert _run(tmp_path, "") == ("", "")
    config = '[vocabulary]\ncode_words = ["kodu"]\nvenue_words = ["Gadgetfest"]\n'
    assert _run(tmp_path, config) == ("https://example.org/widgets-src.zip", "Gadgetfest")


def test_the_words_hold_for_their_run_only(tmp_path: Path) -> None:
    _run(tmp_path, '[vocabulary]\ncode_words = ["kodu"]\n')
    assert _run(tmp_path, "") == ("", "")  # memoised answers of the earlier run are gone
    [entry] = entries_of(LIST)
    assert entry.code_url == ""


def test_a_config_word_with_spaces_matches_any_spacing() -> None:
    use_words(code=("source  bundle",))
    [entry] = entries_of(
        "- [Learning Widgets from Gadgets](https://example.org/w) [Source Bundle](https://example.org/s.zip)\n"
    )
    assert entry.code_url == "https://example.org/s.zip"


def test_an_unknown_vocabulary_key_is_named(tmp_path: Path) -> None:
    (tmp_path / "widgets.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "awesome-merge.toml").write_text('[vocabulary]\ntitle_words = ["x"]\n', encoding="utf-8")
    with pytest.raises(AwesomeMergeError, match=r"\[vocabulary\].*title_words"):
        merge([tmp_path])


def test_words_must_be_a_list_of_strings(tmp_path: Path) -> None:
    (tmp_path / "widgets.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "awesome-merge.toml").write_text(
        '[vocabulary]\nvenue_words = "Gadgetfest"\n', encoding="utf-8"
    )
    with pytest.raises(AwesomeMergeError, match=r"\[vocabulary\] venue_words"):
        merge([tmp_path])
