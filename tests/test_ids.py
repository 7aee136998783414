"""Tests for awesome_merge.ids: examples taken from real awesome lists, plus hypothesis properties."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_merge.ids import (
    Identifiers,
    arxiv_id_from_url,
    arxiv_ids_in_text,
    canonical_url,
    doi_from_url,
    github_repo,
    identifiers_from_url,
    is_http_url,
    normalize_arxiv_id,
    normalize_doi,
    openreview_id,
    year_from_arxiv_id,
    year_in_text,
)


def is_arxiv_doi(doi: str) -> bool:
    """DataCite's arXiv DOIs (10.48550/arXiv.*), written here from the DOI handbook, not imported: the
    tool itself never needs to ask, as it reports an arXiv DOI as the arXiv id."""
    return normalize_doi(doi).startswith("10.48550/arxiv.")


# --------------------------------------------------------------------------------- normalize_arxiv_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2409.15723", "2409.15723"),
        ("2409.15723v2", "2409.15723"),
        ("2409.15723V12", "2409.15723"),
        ("  arXiv:2409.15723 ", "2409.15723"),
        ("0704.0001", "0704.0001"),  # first new-style id
        ("1412.8765", "1412.8765"),  # last year of 4-digit numbers
        ("1501.00001", "1501.00001"),  # first year of 5-digit numbers
        ("hep-th/9901001", "hep-th/9901001"),
        ("hep-th/9901001v3", "hep-th/9901001"),
        ("HEP-TH/9901001", "hep-th/9901001"),
        ("math.GT/0309136", "math/0309136"),
        ("physics.acc-ph/0601001", "physics/0601001"),
        ("cond-mat.str-el/0401001", "cond-mat/0401001"),
        ("cs/0101001", "cs/0101001"),
        ("q-bio/0701001", "q-bio/0701001"),
    ],
)
def test_normalize_arxiv_id_accepts(text: str, expected: str) -> None:
    assert normalize_arxiv_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2409.1572",  # 2024 ids have 5 digits
        "1412.12345",  # 2014 ids have 4 digits
        "2413.15723",  # month 13
        "2400.15723",  # month 00
        "0703.1234",  # before new-style ids existed
        "2409.157231",
        "2409.15723 extra",
        "foo/9901001",  # unknown archive
        "hep-th/9913001",  # month 13
        "hep-th/1201001",  # old style ended in 2007
        "hep-th/990100",
        "https://arxiv.org/abs/2409.15723",  # URLs go through arxiv_id_from_url
    ],
)
def test_normalize_arxiv_id_rejects(text: str) -> None:
    assert normalize_arxiv_id(text) == ""


# --------------------------------------------------------------------------------- arxiv_id_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/pdf/2402.11505.pdf", "2402.11505"),
        ("http://arxiv.org/abs/2310.15080", "2310.15080"),
        ("https://arxiv.org/html/2409.20135v3", "2409.20135"),
        ("https://arxiv.org/html/2409.20135v3/#S2", "2409.20135"),
        ("https://arxiv.org/pdf/2406.12844v1", "2406.12844"),
        ("https://arxiv.org/abs/2409.15723?context=cs", "2409.15723"),
        ("https://www.arxiv.org/abs/2409.15723", "2409.15723"),
        ("https://export.arxiv.org/abs/2409.15723v1", "2409.15723"),
        ("arxiv.org/abs/2409.15723", "2409.15723"),  # scheme-less, as some lists write it
        ("https://arxiv.org/format/2409.15723", "2409.15723"),
        ("https://arxiv.org/ftp/arxiv/papers/2409/2409.15723.pdf", "2409.15723"),
        ("https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf", "hep-th/9901001"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/pdf/math.GT/0309136v1.pdf", "math/0309136"),
        ("https://arxiv.org/abs/cs/0101001", "cs/0101001"),
        ("https://doi.org/10.48550/arXiv.2404.11536", "2404.11536"),
        ("https://dx.doi.org/10.48550/ARXIV.2404.11536", "2404.11536"),
        ("https://doi.org/10.48550%2FarXiv.2404.11536", "2404.11536"),
        ("https://ui.adsabs.harvard.edu/abs/2022arXiv220910083T/abstract", "2209.10083"),
        ("https://ui.adsabs.harvard.edu/abs/2013arXiv1310.1234S", "1310.1234"),
        ("https://ui.adsabs.harvard.edu/#abs/2022arXiv220910083T/abstract", "2209.10083"),
        ("https://huggingface.co/papers/2409.15723", "2409.15723"),
        # a mirror named by its address: the arXiv path shape says what it is
        ("http://10.20.30.40/pdf/1712.05526v1.pdf", "1712.05526"),
        ("http://10.20.30.40/abs/cs/0101001", "cs/0101001"),
    ],
)
def test_arxiv_id_from_url(url: str, expected: str) -> None:
    assert arxiv_id_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://arxiv.org/",
        "https://arxiv.org/list/cs.LG/recent",
        "https://arxiv.org/abs/2409.157231",
        "https://arxiv.org/abs/2413.15723",
        "https://alphaxiv.org/abs/2409.15723",  # not arxiv.org
        "https://example.com/abs/2409.15723",
        "http://10.20.30.40/files/1712.05526.pdf",  # an address, but no arXiv path
        "https://doi.org/10.1145/3650203.3663331",
        "https://img.shields.io/badge/arXiv-2406.12844-red?link=https%3A%2F%2Farxiv.org%2Fpdf%2F2206.05359.pdf",
        "https://huggingface.co/datasets/2409.15723",
        "javascript:alert('arxiv.org/abs/2409.15723')",
    ],
)
def test_arxiv_id_from_url_rejects(url: str) -> None:
    assert arxiv_id_from_url(url) == ""


# --------------------------------------------------------------------------------- arxiv_ids_in_text


def test_arxiv_ids_in_text_finds_all_written_forms_in_order() -> None:
    text = (
        "FedBPT (arXiv:2310.01467) extends arXiv 2409.15723v2, see also arXiv:hep-th/9901001 "
        "and https://doi.org/10.48550/arXiv.2404.11536; again ArXiv: 2310.01467."
    )
    assert arxiv_ids_in_text(text) == ["2310.01467", "2409.15723", "hep-th/9901001", "2404.11536"]


def test_arxiv_ids_in_text_reads_arxiv_links_in_prose() -> None:
    assert arxiv_ids_in_text("pdf at arxiv.org/pdf/2402.11505v1.pdf") == ["2402.11505"]


@pytest.mark.parametrize(
    "text",
    [
        "2409.15723",  # bare number: no arXiv prefix
        "published 2024, pages 2409.15723",
        "arXiv 2024",
        "arXiv preprint",
        "myarXiv:2409.15723",  # prefix glued to a word
        "arXiv:2409.157231",
        "arXiv:2413.15723",
        "arXiv:foo/9901001",
    ],
)
def test_arxiv_ids_in_text_rejects(text: str) -> None:
    assert arxiv_ids_in_text(text) == []


# --------------------------------------------------------------------------------- DOIs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/3650203.3663331", "10.1145/3650203.3663331"),
        ("https://doi.org/10.1145/3485447.3511988", "10.1145/3485447.3511988"),
        ("http://dx.doi.org/10.1145/3485447.3511988", "10.1145/3485447.3511988"),
        ("doi:10.1145/3485447.3511988", "10.1145/3485447.3511988"),
        ("DOI: 10.1145/3485447.3511988.", "10.1145/3485447.3511988"),
        ("  https://doi.org/10.24963/ijcai.2023/393 ", "10.24963/ijcai.2023/393"),
        ("https://doi.org/10.48550/arXiv.2404.11536", "10.48550/arxiv.2404.11536"),
        ("10.1145%2F3742788", "10.1145/3742788"),
        ("(doi:10.1007/s11280-024-01266-3),", "10.1007/s11280-024-01266-3"),
        ("[10.1145/3742788]", "10.1145/3742788"),
        ("<https://doi.org/10.1145/3742788>", "10.1145/3742788"),
        ('"10.1145/3742788";', "10.1145/3742788"),
        ("https://doi.org/10.1145/3742788?via=ihub#sec", "10.1145/3742788"),
        # brackets that belong to the DOI are kept
        (
            "10.1002/(SICI)1097-4636(199706)35:4<469::AID-JBM6>3.0.CO;2-L",
            "10.1002/(sici)1097-4636(199706)35:4<469::aid-jbm6>3.0.co;2-l",
        ),
    ],
)
def test_normalize_doi(text: str, expected: str) -> None:
    assert normalize_doi(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "10.1145", "10.1145/", "11.1145/3742788", "10.12/abc", "https://example.com/10.1145/x", "no doi"],
)
def test_normalize_doi_rejects(text: str) -> None:
    assert normalize_doi(text) == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://doi.org/10.1145/3589334.3645337", "10.1145/3589334.3645337"),
        ("https://dl.acm.org/doi/10.1609/aaai.v38i10.29007", "10.1609/aaai.v38i10.29007"),
        ("https://dl.acm.org/doi/abs/10.1145/3650203.3663331", "10.1145/3650203.3663331"),
        ("https://dl.acm.org/doi/pdf/10.1145/3637528.3671582", "10.1145/3637528.3671582"),
        ("https://dl.acm.org/doi/epdf/10.1145/3637528.3671582?casa_token=x", "10.1145/3637528.3671582"),
        ("https://onlinelibrary.wiley.com/doi/full/10.1002/int.22345", "10.1002/int.22345"),
        ("https://onlinelibrary.wiley.com/doi/10.1002/anie.201000001/abstract", "10.1002/anie.201000001"),
        ("https://link.springer.com/chapter/10.1007/978-3-030-70604-3_5", "10.1007/978-3-030-70604-3_5"),
        ("https://link.springer.com/article/10.1007/s11280-024-01266-3", "10.1007/s11280-024-01266-3"),
        (
            "https://link.springer.com/content/pdf/10.1007/978-3-030-70604-3_5.pdf",
            "10.1007/978-3-030-70604-3_5",
        ),
        (
            "https://link.springer.com/content/pdf/10.1007%2F978-3-030-70604-3_5.pdf",
            "10.1007/978-3-030-70604-3_5",
        ),
        ("https://www.tandfonline.com/doi/full/10.1080/01621459.2020.1", "10.1080/01621459.2020.1"),
        ("https://journals.sagepub.com/doi/10.1177/0278364919", "10.1177/0278364919"),
        ("https://pubs.acs.org/doi/abs/10.1021/acs.jcim.3c00001", "10.1021/acs.jcim.3c00001"),
        ("https://www.science.org/doi/10.1126/science.abq1158", "10.1126/science.abq1158"),
        ("http://iopscience.iop.org/article/10.1088/1361-6560/ac97d9", "10.1088/1361-6560/ac97d9"),
        ("https://www.nature.com/articles/s41586-020-2649-2", "10.1038/s41586-020-2649-2"),
        ("https://www.biorxiv.org/content/10.1101/2020.01.01.123456v2.full.pdf", "10.1101/2020.01.01.123456"),
        ("https://doi.org/10.48550/arXiv.2404.11536", "10.48550/arxiv.2404.11536"),  # kept here
    ],
)
def test_doi_from_url(url: str, expected: str) -> None:
    assert doi_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://aclanthology.org/2023.findings-acl.632/",  # no DOI in ACL Anthology URLs
        "https://arxiv.org/abs/2310.15080",
        "https://ieeexplore.ieee.org/document/10447454",
        "https://doi.org/",
        "https://example.com/paper.pdf",
        "mailto:someone@doi.org",
    ],
)
def test_doi_from_url_rejects(url: str) -> None:
    assert doi_from_url(url) == ""


@pytest.mark.parametrize(
    ("doi", "expected"),
    [
        ("10.48550/arXiv.2404.11536", True),
        ("https://doi.org/10.48550/ARXIV.2404.11536", True),
        ("10.1145/3650203.3663331", False),
        ("10.48550/zenodo.123", False),
        ("", False),
    ],
)
def test_is_arxiv_doi(doi: str, expected: bool) -> None:
    assert is_arxiv_doi(doi) is expected


# --------------------------------------------------------------------------------- identifiers_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2310.15080", Identifiers(arxiv_id="2310.15080")),
        ("https://doi.org/10.48550/arXiv.2404.11536", Identifiers(arxiv_id="2404.11536")),
        ("https://dl.acm.org/doi/10.48550/arXiv.2310.01467", Identifiers(arxiv_id="2310.01467")),
        ("https://doi.org/10.48550/arXiv.not-an-id", Identifiers()),  # never reported as a publisher DOI
        ("https://dl.acm.org/doi/abs/10.1145/3650203.3663331", Identifiers(doi="10.1145/3650203.3663331")),
        ("https://openreview.net/forum?id=JLulsRraDc", Identifiers()),
        ("not a url", Identifiers()),
    ],
)
def test_identifiers_from_url(url: str, expected: Identifiers) -> None:
    assert identifiers_from_url(url) == expected


def test_identifiers_is_frozen_with_empty_defaults() -> None:
    ids = Identifiers()
    assert (ids.arxiv_id, ids.doi) == ("", "")
    with pytest.raises(AttributeError):
        ids.doi = "10.1/x"  # type: ignore[misc]


# --------------------------------------------------------------------------------- openreview_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://openreview.net/forum?id=JLulsRraDc", "JLulsRraDc"),
        ("https://openreview.net/forum?id=hD9QaIQTL_f", "hD9QaIQTL_f"),
        ("https://openreview.net/pdf?id=JLulsRraDc", "JLulsRraDc"),
        ("https://openreview.net/attachment?id=JLulsRraDc&name=supplementary_material", "JLulsRraDc"),
        ("https://openreview.net/forum?id=JLulsRraDc&noteId=abc123", "JLulsRraDc"),
        ("https://openreview.net/forum?noteId=abc123&id=JLulsRraDc", "JLulsRraDc"),
        ("https://openreview.net/forum/?id=JLulsRraDc#discussion", "JLulsRraDc"),
        ("http://www.openreview.net/forum?id=JLulsRraDc", "JLulsRraDc"),
        ("https://openreview.net/group?id=ICLR.cc/2024/Conference", ""),
        ("https://openreview.net/forum?noteId=abc123", ""),
        ("https://openreview.net/pdf/0123abcd.pdf", ""),
        ("https://example.com/forum?id=JLulsRraDc", ""),
        ("", ""),
    ],
)
def test_openreview_id(url: str, expected: str) -> None:
    assert openreview_id(url) == expected


# --------------------------------------------------------------------------------- canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/pdf/2402.11505.pdf", "arxiv:2402.11505"),
        ("https://doi.org/10.48550/arXiv.2404.11536", "arxiv:2404.11536"),
        ("https://ui.adsabs.harvard.edu/abs/2022arXiv220910083T/abstract", "arxiv:2209.10083"),
        ("https://dl.acm.org/doi/abs/10.1145/3650203.3663331", "doi:10.1145/3650203.3663331"),
        ("https://doi.org/10.1145/3650203.3663331", "doi:10.1145/3650203.3663331"),
        ("https://openreview.net/pdf?id=JLulsRraDc", "openreview:JLulsRraDc"),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/file/"
            "066e4dbfeccb5dc2851acd5eca584937-Paper-Conference.pdf",
            "neurips:066e4dbfeccb5dc2851acd5eca584937",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/hash/"
            "066e4dbfeccb5dc2851acd5eca584937-Abstract-Conference.html",
            "neurips:066e4dbfeccb5dc2851acd5eca584937",
        ),
        (
            "https://papers.nips.cc/paper_files/paper/2024/hash/"
            "28312c9491d60ed0c77f7fff4ad86dd1-Abstract-Conference.html",
            "neurips:28312c9491d60ed0c77f7fff4ad86dd1",
        ),
        (
            "https://proceedings.iclr.cc/paper_files/paper/2024/file/"
            "4e243e95c913b367775d71d7182b99d9-Paper-Conference.pdf",
            "iclr:4e243e95c913b367775d71d7182b99d9",
        ),
        ("https://aclanthology.org/2023.findings-acl.632/", "acl:2023.findings-acl.632"),
        ("https://aclanthology.org/2023.findings-acl.632.pdf", "acl:2023.findings-acl.632"),
        ("https://aclanthology.org/2023.gem-1.10.pdf", "acl:2023.gem-1.10"),
        ("https://www.aclweb.org/anthology/P19-1001.pdf", "acl:P19-1001"),
        ("https://ieeexplore.ieee.org/document/10447454", "ieee:10447454"),
        ("https://ieeexplore.ieee.org/abstract/document/10447454/", "ieee:10447454"),
        ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10447454", "ieee:10447454"),
        ("https://proceedings.mlr.press/v162/lai22a.html", "pmlr:v162/lai22a"),
        ("https://proceedings.mlr.press/v162/lai22a/lai22a.pdf", "pmlr:v162/lai22a"),
        (
            "https://github.com/alibaba/FederatedScope/tree/FlexLoRA",
            "github.com/alibaba/federatedscope/tree/FlexLoRA",
        ),
        ("https://github.com/HarliWu/FedBiOT", "github.com/harliwu/fedbiot"),
        ("http://WWW.Example.COM/a/b/index.html?utm_source=x&b=2&a=1#top", "example.com/a/b?a=1&b=2"),
        (
            "https://m.youtube.com/watch?v=abc&feature=share&si=x",
            "youtube.com/watch?feature=share&si=x&v=abc",
        ),
        ("https://federatedscope.io/docs/llm/", "federatedscope.io/docs/llm"),
        ("https://flower.ai/", "flower.ai"),
        ("https://example.com/?ref=awesome&fbclid=1&gclid=2&spm=3&source=x&ref_src=y", "example.com"),
        ("https://example.com:8080/x", "example.com:8080/x"),
        ("https://example.com/caf%C3%A9", "example.com/caf%C3%A9"),
        ("https://example.com/café", "example.com/caf%C3%A9"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "arxiv.org/abs/2409.15723",
        "ftp://example.com/x",
        "javascript:void(0)",
        "#section",
        "/relative/link",
    ],
)
def test_canonical_url_rejects_non_http(url: str) -> None:
    assert canonical_url(url) == ""


def test_canonical_url_keeps_different_pages_apart() -> None:
    assert canonical_url("https://example.com/a?page=1") != canonical_url("https://example.com/a?page=2")
    assert canonical_url("https://example.com/a") != canonical_url("https://example.com/b")
    assert canonical_url("https://arxiv.org/abs/2409.15723") != canonical_url(
        "https://arxiv.org/abs/2409.15724"
    )


# --------------------------------------------------------------------------------- github_repo


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://img.shields.io/github/stars/pzp-dzd/FedPFT", "https://github.com/pzp-dzd/FedPFT"),
        (
            "https://img.shields.io/github/stars/pzp-dzd/FedPFT?style=social",
            "https://github.com/pzp-dzd/FedPFT",
        ),
        ("https://img.shields.io/github/forks/rui-ye/OpenFedLLM.svg", "https://github.com/rui-ye/OpenFedLLM"),
        (
            "https://img.shields.io/github/last-commit/lishenghui/awesome-fm-fl",
            "https://github.com/lishenghui/awesome-fm-fl",
        ),
        (
            "https://img.shields.io/github/v/release/FederatedAI/FATE-LLM",
            "https://github.com/FederatedAI/FATE-LLM",
        ),
        (
            "https://github.com/alibaba/FederatedScope/tree/FlexLoRA",
            "https://github.com/alibaba/FederatedScope",
        ),
        ("https://github.com/rui-ye/FedLLM-Bench", "https://github.com/rui-ye/FedLLM-Bench"),
        ("http://www.github.com/SMILELab-FL/FedPETuning.git", "https://github.com/SMILELab-FL/FedPETuning"),
        (
            "https://github.com/lishenghui/awesome-fm-fl/blob/main/README.md#top",
            "https://github.com/lishenghui/awesome-fm-fl",
        ),
        ("https://github.com/owner/owner.github.io", "https://github.com/owner/owner.github.io"),
        ("https://github.com/lishenghui", ""),
        ("https://github.com/", ""),
        ("https://github.com/topics/federated-learning", ""),
        ("https://github.com/orgs/alibaba/repositories", ""),
        ("https://github.com/stars/lishenghui/lists/fl", ""),
        ("https://lishenghui.github.io/", ""),
        ("https://mengf1.github.io/publications/paper", ""),
        ("https://gist.github.com/user/abc123", ""),
        ("https://img.shields.io/badge/License-MIT-green.svg", ""),
        ("https://img.shields.io/github/followers/lishenghui", ""),
        ("https://example.com/github.com/a/b", ""),
    ],
)
def test_github_repo(url: str, expected: str) -> None:
    assert github_repo(url) == expected


# --------------------------------------------------------------------------------- is_http_url


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2310.15080",
        "http://jmlr.org/papers/v22/20-815.html",
        "HTTPS://EXAMPLE.COM",
        "  https://example.com/path \n",
        "http://localhost:8000/x",
        "https://user@example.com/",
        "http://[::1]/",
        "https://example.com?q=1",
    ],
)
def test_is_http_url_accepts(url: str) -> None:
    assert is_http_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "javascript:alert(1)",
        "JavaScript://example.com/%0aalert(1)",
        "data:text/html;base64,PHN2Zz4=",
        "file:///etc/passwd",
        "mailto:someone@example.com",
        "ftp://example.com/file",
        "/relative/path",
        "relative/path.html",
        "#anchor",
        "//example.com/protocol-relative",
        "http://",
        "https:///path-without-host",
        "https:example.com",
        "http://exa mple.com/",
        "example.com",
    ],
)
def test_is_http_url_rejects(url: str) -> None:
    assert not is_http_url(url)


# --------------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("arxiv_id", "expected"),
    [
        ("2409.15723", 2024),
        ("2409.15723v2", 2024),
        ("0704.0001", 2007),
        ("1412.8765", 2014),
        ("hep-th/9901001", 1999),
        ("math.GT/0309136", 2003),
        ("cs/0101001", 2001),
        ("not an id", None),
        ("", None),
    ],
)
def test_year_from_arxiv_id(arxiv_id: str, expected: int | None) -> None:
    assert year_from_arxiv_id(arxiv_id) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NeurIPS 2024", 2024),
        ("AAAI'24", 2024),
        ("ICML ’23", 2023),
        ("2025-06", 2025),
        ("Dec 2024", 2024),
        ("[ICLR2025]", 2025),
        ("Proceedings 1999", 1999),
        ("ACL 2023, then EMNLP 2024", 2023),  # the first one
        ("12.2024", 2024),
        ("arXiv 2409.15723", None),  # no year inside an arXiv id
        ("arXiv:2001.01234", None),  # looks like 2001 but is an id
        ("1412.2024", None),  # old 4-digit arXiv id
        ("ID 120245", None),  # longer digit run
        ("1949", None),
        ("2100", None),
        ("no year here", None),
        ("", None),
    ],
)
def test_year_in_text(text: str, expected: int | None) -> None:
    assert year_in_text(text) == expected


# =================================================================================== properties


@st.composite
def new_arxiv_ids(draw: st.DrawFn) -> str:
    """Valid new-style ids: 2007-04 onwards, 4-digit numbers before 2015 and 5-digit after."""
    yy = draw(st.integers(7, 99))
    mm = draw(st.integers(4 if yy == 7 else 1, 12))
    width = 4 if yy < 15 else 5
    num = draw(st.integers(1, 10**width - 1))
    return f"{yy:02d}{mm:02d}.{num:0{width}d}"


_OLD_ARCHIVE_SAMPLE = ["hep-th", "hep-ph", "astro-ph", "cond-mat", "math", "cs", "quant-ph", "gr-qc", "q-bio"]


@st.composite
def old_arxiv_ids(draw: st.DrawFn) -> str:
    """Valid old-style ids (1991..2007), with the archive in canonical lowercase form."""
    archive = draw(st.sampled_from(_OLD_ARCHIVE_SAMPLE))
    yy = draw(st.sampled_from([*range(91, 100), *range(0, 8)]))
    mm = draw(st.integers(1, 12))
    num = draw(st.integers(1, 999))
    return f"{archive}/{yy:02d}{mm:02d}{num:03d}"


versions = st.one_of(st.just(""), st.integers(1, 30).map(lambda v: f"v{v}"))


@given(new_arxiv_ids(), versions)
def test_every_arxiv_spelling_gives_the_same_id(arxiv_id: str, version: str) -> None:
    urls = [
        f"https://arxiv.org/abs/{arxiv_id}{version}",
        f"http://arxiv.org/abs/{arxiv_id}{version}",
        f"https://www.arxiv.org/abs/{arxiv_id}{version}",
        f"https://export.arxiv.org/abs/{arxiv_id}{version}",
        f"https://arxiv.org/pdf/{arxiv_id}{version}",
        f"https://arxiv.org/pdf/{arxiv_id}{version}.pdf",
        f"https://arxiv.org/html/{arxiv_id}{version}",
        f"https://arxiv.org/html/{arxiv_id}{version}/#S1",
        f"https://doi.org/10.48550/arXiv.{arxiv_id}",
        f"https://dx.doi.org/10.48550/ARXIV.{arxiv_id}",
        f"https://huggingface.co/papers/{arxiv_id}",
    ]
    for url in urls:
        assert arxiv_id_from_url(url) == arxiv_id, url
        assert identifiers_from_url(url) == Identifiers(arxiv_id=arxiv_id), url
        assert canonical_url(url) == f"arxiv:{arxiv_id}", url
    for text in (f"arXiv:{arxiv_id}{version}", f"arXiv {arxiv_id}{version}", f"arXiv.{arxiv_id}"):
        assert arxiv_ids_in_text(f"Some title ({text}).") == [arxiv_id], text
    assert normalize_arxiv_id(f"{arxiv_id}{version}") == arxiv_id
    assert year_from_arxiv_id(arxiv_id) == 2000 + int(arxiv_id[:2])


@given(old_arxiv_ids(), versions, st.sampled_from(["", ".GT", ".AI", ".str-el"]))
def test_old_style_ids_through_urls_and_text(arxiv_id: str, version: str, subject: str) -> None:
    archive, number = arxiv_id.split("/")
    spelled = f"{archive.upper()}{subject}/{number}{version}"
    assert normalize_arxiv_id(spelled) == arxiv_id
    assert arxiv_id_from_url(f"https://arxiv.org/abs/{spelled}") == arxiv_id
    assert arxiv_id_from_url(f"https://arxiv.org/pdf/{spelled}.pdf") == arxiv_id
    assert arxiv_ids_in_text(f"see arXiv:{spelled} for details") == [arxiv_id]
    year = year_from_arxiv_id(arxiv_id)
    assert year is not None and year % 100 == int(number[:2]) and 1991 <= year <= 2007


@given(st.one_of(new_arxiv_ids(), old_arxiv_ids()))
def test_bare_ids_in_prose_are_not_picked_up(arxiv_id: str) -> None:
    assert arxiv_ids_in_text(f"Table 3 lists {arxiv_id} runs") == []


@given(st.text())
def test_normalize_arxiv_id_is_idempotent(text: str) -> None:
    once = normalize_arxiv_id(text)
    assert normalize_arxiv_id(once) == once


_DOI_WORD = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)
_DOI_SEP = st.sampled_from([".", "-", "_", "/", ":", ";"])


@st.composite
def dois(draw: st.DrawFn) -> str:
    """DOIs as publishers print them (mixed case, brackets balanced, ending in an alphanumeric)."""
    registrant = draw(st.from_regex(r"[1-9][0-9]{3,4}(\.[0-9]{1,3})?", fullmatch=True))
    parts = [draw(_DOI_WORD)]
    for _ in range(draw(st.integers(0, 4))):
        parts.append(draw(_DOI_SEP))
        word = draw(_DOI_WORD)
        parts.append(f"({word})" if draw(st.booleans()) else word)
        parts.append(draw(_DOI_WORD))
    return f"10.{registrant}/{''.join(parts)}"


_DOI_PREFIXES = [
    "",
    "doi:",
    "doi: ",
    "DOI ",
    "DOI:",
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "https://www.doi.org/",
    "doi.org/",
]
_DOI_TRAILERS = ["", ".", ",", ";", ")", "]", ">", '"', "'", ").", "].", '".', "”", " "]


@given(dois(), st.sampled_from(_DOI_PREFIXES), st.sampled_from(_DOI_TRAILERS), st.booleans())
def test_doi_round_trips_through_prefixes_and_punctuation(
    doi: str, prefix: str, trailer: str, encode: bool
) -> None:
    body = quote(doi, safe="") if encode and prefix.startswith("http") else doi
    expected = doi.lower()
    assert normalize_doi(f"{prefix}{body}{trailer}") == expected
    assert normalize_doi(f"  ({prefix}{body}){trailer}") == expected
    assert normalize_doi(expected) == expected
    if prefix.startswith("http"):
        assert doi_from_url(prefix + body) == expected
        assert canonical_url(prefix + body) == f"doi:{expected}"
        assert identifiers_from_url(prefix + body) == Identifiers(doi=expected)


@given(dois())
def test_publisher_urls_carry_the_doi(doi: str) -> None:
    expected = doi.lower()
    for url in (
        f"https://dl.acm.org/doi/{doi}",
        f"https://dl.acm.org/doi/abs/{doi}",
        f"https://dl.acm.org/doi/pdf/{doi}?download=true",
        f"https://onlinelibrary.wiley.com/doi/full/{doi}",
        f"https://www.tandfonline.com/doi/abs/{doi}",
    ):
        assert doi_from_url(url) == expected, url
        assert canonical_url(url) == f"doi:{expected}", url


@given(st.text())
def test_normalize_doi_is_idempotent_and_well_formed(text: str) -> None:
    once = normalize_doi(text)
    assert normalize_doi(once) == once
    assert once == "" or (once.startswith("10.") and "/" in once and once == once.lower())


_HOSTS = st.from_regex(r"[a-z][a-z0-9]{1,9}\.(com|org|net|io|edu)", fullmatch=True)
_SEGMENTS = st.lists(st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True), max_size=4)
_TRACKING = ["ref", "ref_src", "source", "fbclid", "gclid", "spm"]
_PARAMS = st.lists(
    st.tuples(
        st.from_regex(r"[a-z]{1,6}", fullmatch=True).filter(
            lambda k: k not in _TRACKING and not k.startswith("utm")
        ),
        st.from_regex(r"[A-Za-z0-9]{0,6}", fullmatch=True),
    ),
    max_size=3,
    unique_by=lambda kv: kv[0],
)


@given(
    host=_HOSTS,
    segments=_SEGMENTS,
    params=_PARAMS,
    scheme=st.sampled_from(["http", "https", "HTTPS"]),
    www=st.booleans(),
    slash=st.booleans(),
    fragment=st.from_regex(r"(#[A-Za-z0-9-]{0,10})?", fullmatch=True),
    junk=st.lists(
        st.tuples(
            st.sampled_from(["utm_source", "utm_medium", "utm_campaign", "UTM_Term", *_TRACKING]),
            st.from_regex(r"[a-z0-9]{0,5}", fullmatch=True),
        ),
        max_size=3,
    ),
    data=st.data(),
)
def test_canonical_url_ignores_spelling_differences(
    host: str,
    segments: list[str],
    params: list[tuple[str, str]],
    scheme: str,
    www: bool,
    slash: bool,
    fragment: str,
    junk: list[tuple[str, str]],
    data: st.DataObject,
) -> None:
    path = "".join(f"/{s}" for s in segments)
    base = f"https://{host}{path}" + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")
    mixed = data.draw(st.permutations(params + junk))
    query = "&".join(f"{k}={v}" for k, v in mixed)
    variant = f"{scheme}://{'www.' if www else ''}{host.upper()}{path}{'/' if slash else ''}"
    variant += (f"?{query}" if query else "") + fragment
    key = canonical_url(base)
    assert key and not key.startswith(("http", "www."))
    assert canonical_url(variant) == key
    assert "utm_" not in key.lower()


@given(
    scheme=st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,10}", fullmatch=True).filter(
        lambda s: s.lower() not in ("http", "https")
    ),
    rest=st.text(),
)
def test_is_http_url_never_accepts_other_schemes(scheme: str, rest: str) -> None:
    for url in (f"{scheme}:{rest}", f"{scheme}://example.com/{rest}", f" {scheme}://example.com"):
        assert not is_http_url(url)
        assert canonical_url(url) == ""


@given(scheme=st.sampled_from(["http", "https", "HTTP", "Https"]), host=_HOSTS, segments=_SEGMENTS)
def test_is_http_url_accepts_generated_urls(scheme: str, host: str, segments: list[str]) -> None:
    url = f"{scheme}://{host}" + "".join(f"/{s}" for s in segments)
    assert is_http_url(url)
    assert is_http_url(f"  {url}\n")


@given(st.integers(1950, 2099), st.sampled_from(["NeurIPS ", "Dec ", "(", "AAAI-", "ICLR", "[", ""]))
def test_year_in_text_reads_written_years(year: int, before: str) -> None:
    assert year_in_text(f"{before}{year}") == year
    yy = year % 100  # two-digit years are read into the 1950..2049 window
    assert year_in_text(f"{before}'{yy:02d}") == (1900 + yy if yy >= 50 else 2000 + yy)


@given(st.integers(10_000, 10**15))
def test_year_in_text_ignores_long_digit_runs(number: int) -> None:
    assert year_in_text(f"id {number} end") is None


@given(st.integers(1950, 2099), st.integers(0, 99_999))
def test_year_in_text_ignores_arxiv_like_numbers(head: int, tail: int) -> None:
    assert year_in_text(f"{head}.{tail:05d}") is None


_URLISH = st.one_of(
    st.text(),
    st.builds(
        lambda host, rest: host + rest,
        st.sampled_from(
            [
                "https://arxiv.org/abs/",
                "https://arxiv.org/ftp/",
                "https://doi.org/",
                "https://dl.acm.org/doi/",
                "https://link.springer.com/",
                "https://openreview.net/forum?",
                "https://github.com/",
                "https://img.shields.io/github/",
                "https://ui.adsabs.harvard.edu/abs/",
                "https://proceedings.neurips.cc/paper_files/paper/",
                "https://aclanthology.org/",
                "https://ieeexplore.ieee.org/",
                "https://www.nature.com/articles/",
                "http://",
                "",
            ]
        ),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
        | st.from_regex(r"[A-Za-z0-9./?&=%#:_-]{0,40}", fullmatch=True),
    ),
)


@given(_URLISH)
def test_no_function_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(normalize_arxiv_id(text), str)
    assert isinstance(arxiv_id_from_url(text), str)
    assert all(isinstance(i, str) and i for i in arxiv_ids_in_text(text))
    assert isinstance(normalize_doi(text), str)
    assert isinstance(doi_from_url(text), str)
    assert isinstance(is_arxiv_doi(text), bool)
    ids = identifiers_from_url(text)
    assert not is_arxiv_doi(ids.doi)  # an arXiv DOI is never reported as a publisher DOI
    assert isinstance(openreview_id(text), str)
    key = canonical_url(text)
    assert bool(key) == is_http_url(text)
    repo = github_repo(text)
    assert repo == "" or repo.startswith("https://github.com/")
    year = year_in_text(text)
    assert year is None or 1950 <= year <= 2099
    arxiv_year = year_from_arxiv_id(text)
    assert arxiv_year is None or 1991 <= arxiv_year <= 2099


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://github.com/HarliWu/FedBiOT.git", "https://github.com/harliwu/fedbiot/"),
        ("https://GitHub.com/Lishenghui", "https://github.com/lishenghui"),
        ("https://example.com/docs/index.html/", "http://example.com/docs"),
        ("https://example.com/a?x=1&amp;y=2", "https://example.com/a?y=2&x=1"),
    ],
)
def test_canonical_url_equal_spellings(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)
