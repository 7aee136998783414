"""Links about a paper (a blog, a news or social post, a video, a write-up) are that paper's other links,
never entries; a conference's home page and a link to another list are never entries; a label misspelt
by one letter is still that label. Every snippet is invented."""

from __future__ import annotations

import pytest

from awesome_merge.parse import parse_text


def entries(markdown: str):
    found, _ = parse_text(markdown, "list.md")
    return found


def titles(markdown: str) -> list[str]:
    return [e.title for e in entries(markdown)]


PAPER = "[Learning Widgets From Noisy Gadgets](https://arxiv.org/abs/2401.00001)"


@pytest.mark.parametrize(
    "after",
    [
        # a WeChat article, marked with the pictogram the list puts before role links
        "<br>:thumbsup:[某大学提出新方法，刷新小部件任务纪录](https://mp.weixin.qq.com/s/AbCdEf)",
        # a Zhihu and a CSDN post, no pictogram: the host says what they are
        "<br>[我们如何让小部件学会噪声中的规律](https://zhuanlan.zhihu.com/p/1234567)",
        "<br>[小部件学习方法的详细笔记与复现过程](https://blog.csdn.net/someone/article/details/1)",
        # a news post of a lab, marked with a pictogram
        "<br>:thumbsup:[成果速览 | 本组两篇小部件论文被录用](https://news.example.edu/info/1012/1839.htm)",
        # a social post and a video about it
        "<br>[Our thread on how widgets learn from noisy gadgets](https://x.com/someone/status/1)",
        "<br>:tv:[Talk: widgets that learn from gadgets](https://www.youtube.com/watch?v=abc123)",
        # a write-up on the project's own site, labelled as one
        "<br>:thumbsup:[中文解读](https://widgets.example.io/zh/explained.html)",
    ],
)
def test_a_post_about_a_paper_is_not_an_entry(after: str) -> None:
    found = entries(f"## Widgets\n\n* {PAPER}{after}\n")
    assert [e.title for e in found] == ["Learning Widgets From Noisy Gadgets"]
    assert found[0].url == "https://arxiv.org/abs/2401.00001"


def test_a_blog_post_on_the_papers_line_is_not_another_copy_of_it() -> None:
    [entry] = entries(
        f"## Widgets\n\n* {PAPER} [一篇很长的关于小部件论文的中文解读文章](https://blog.csdn.net/u/article/1)\n"
    )
    assert entry.url == "https://arxiv.org/abs/2401.00001"
    assert entry.alt_urls == []  # a post about the paper is no version of it: it never joins two papers


def test_two_papers_sharing_one_news_post_stay_two_papers() -> None:
    news = ":thumbsup:[成果速览 | 两篇小部件论文](https://news.example.edu/info/2/3.htm)"
    markdown = (
        "## Widgets\n\n"
        f"* [Widgets That Count Gadgets](https://arxiv.org/abs/2401.00011)<br>{news}\n"
        f"* [Gadgets That Count Widgets](https://arxiv.org/abs/2401.00012)<br>{news}\n"
    )
    assert titles(markdown) == ["Widgets That Count Gadgets", "Gadgets That Count Widgets"]


def test_a_video_or_a_post_on_its_own_is_still_an_entry() -> None:
    """Only after a paper is a post commentary: a lecture listed for itself stays an entry."""
    markdown = (
        "## Lectures\n\n"
        "- [Widget learning, a lecture at a summer school](https://www.youtube.com/watch?v=xyz)\n"
        "- [A gentle introduction to gadget networks](https://medium.com/@someone/gadget-networks-1)\n"
    )
    assert titles(markdown) == [
        "Widget learning, a lecture at a summer school",
        "A gentle introduction to gadget networks",
    ]


def test_a_conference_home_page_is_never_an_entry() -> None:
    markdown = (
        "# Widget Papers 2031\n\n## 官网链接：https://widgetconf.example.org/\n\n## Widgets\n\n* "
        + PAPER
        + "\n"
    )
    assert titles(markdown) == ["Learning Widgets From Noisy Gadgets"]


@pytest.mark.parametrize("repo", ["Widget-Surveys", "awesome-gadgets", "WidgetConf2031-Papers"])
def test_a_link_to_another_list_is_never_an_entry(repo: str) -> None:
    markdown = (
        f"# Widget Papers\n\n## 历年综述论文汇总戳这里↘️[{repo}](https://github.com/someone/{repo})\n\n"
        f"## Widgets\n\n* {PAPER}\n"
    )
    assert titles(markdown) == ["Learning Widgets From Noisy Gadgets"]


def _fielded(first_labels: tuple[str, str]) -> str:
    home, paper = first_labels
    blocks = [
        f"**Gadget Nets: Learning From Small Widgets**\n\n- {home}: https://gadget-nets.github.io/\n"
        f"- {paper}: https://arxiv.org/abs/2401.00004\n- Code: https://github.com/c/gadget-nets\n"
    ]
    for n in ("Two", "Three", "Four"):
        blocks.append(
            f"**Gadget Nets {n}: More Small Widgets**\n\n- Homepage: https://gadget-{n.lower()}.github.io/\n"
            f"- Paper: https://arxiv.org/abs/2401.0{len(blocks)}010\n- Code: https://github.com/c/{n.lower()}\n"
        )
    return "# Widgets\n\n" + "\n".join(blocks)


@pytest.mark.parametrize("labels", [("Homeoage", "Paper"), ("Homepage", "Paer"), ("Hompage", "Papr")])
def test_a_label_one_letter_off_is_that_label(labels: tuple[str, str]) -> None:
    found = entries(_fielded(labels))
    assert found[0].title == "Gadget Nets: Learning From Small Widgets"
    assert len(found) == 4 and not any(e.title in labels for e in found)
    assert found[0].arxiv_id == "2401.00004" and found[0].code_url == "https://github.com/c/gadget-nets"


def test_a_name_one_letter_off_a_label_the_list_does_not_use_stays_a_name() -> None:
    markdown = "## Tools\n\n- [Pager](https://pager.example.org/docs/intro) - a widget pager.\n"
    assert titles(markdown) == ["Pager"]


def test_the_config_names_more_commentary_hosts(tmp_path) -> None:
    from awesome_merge import merge

    src = tmp_path / "sources"
    src.mkdir()
    (src / "widgets.md").write_text(
        f"# Widgets\n\n## Widgets\n\n* {PAPER}<br>[Why widgets learn from noisy gadgets, explained](https://notes.example.org/p/7)\n",
        encoding="utf-8",
    )
    assert merge([src], jobs=1).entries.title.tolist() == [
        "Learning Widgets From Noisy Gadgets",
        "Why widgets learn from noisy gadgets, explained",
    ]  # an unknown host: a work of its own
    (src / "awesome-merge.toml").write_text('[vocabulary]\ncommentary_hosts = ["notes.example.org"]\n')
    assert merge([src], jobs=1).entries.title.tolist() == ["Learning Widgets From Noisy Gadgets"]


def test_a_post_nested_under_a_paper_is_not_an_entry_nor_a_version_of_it() -> None:
    [entry] = entries(
        f"## Widgets\n\n- {PAPER}\n"
        "  - [A blog post about how widgets learn from noisy gadgets](https://medium.com/@someone/widgets-1)\n"
        "  - [PDF](https://example.org/widgets.pdf)\n"
    )
    assert entry.title == "Learning Widgets From Noisy Gadgets"
    assert entry.alt_urls == ["https://example.org/widgets.pdf"]
