"""One spelling per venue: `canonical_venue("NIPS 2019")` is `"NeurIPS 2019"`.

Lists spell a venue many ways ("NeurIPS"/"NIPS", "arXiv"/"Arxiv", "IEEE Commun. Mag."/"IEEE Communication
Magazine"), and some cut a name short ("IEEE Trans. Mob"). Counting those as different venues splits the
votes that choose a paper's venue and shows a reader two names for one place. The reader and the writer both
call `canonical_venue`; it is idempotent, so calling it twice is harmless.

The table names conferences by the acronym they use themselves, journals by their full title. A venue not in
the table is kept as written (spaces tidied), never shortened. The table holds venues of computing and
statistics at large, not of one field; a name missing here is a one-line addition. Its kinds (conference,
journal, preprint server; `venue_kind`) decide how `papers.bib` cites a paper.

`LINK_VENUE_RULES`, further down, reads the venue and year from a paper's proceedings link when the list
names none (`openaccess.thecvf.com/content/CVPR2024/...` is CVPR 2024).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from .preprints import is_preprint_venue

if TYPE_CHECKING:
    from .frame import Entry

__all__ = [
    "CONFERENCES",
    "JOURNALS",
    "LINK_VENUE_RULES",
    "PREPRINT_SERVERS",
    "VENUES",
    "canonical_venue",
    "fill_venues_from_links",
    "venue_from_link",
    "venue_from_links",
    "venue_kind",
]

# The registry: canonical name -> other spellings (compared without case, dots, hyphens or extra spaces),
# in three kinds. The kind decides how a paper is cited (`@inproceedings`, `@article`, `@misc`).
PREPRINT_SERVERS: dict[str, tuple[str, ...]] = {
    "arXiv": ("arxiv preprint", "corr", "arxiv.org", "arxiv e-prints"),
    "OpenReview": ("openreview.net",),
}
CONFERENCES: dict[str, tuple[str, ...]] = {
    "NeurIPS": (
        "nips",
        "neural information processing systems",
        "advances in neural information processing systems",
        "conference on neural information processing systems",
    ),
    "NeurIPS Workshop": ("nips workshop", "neurips workshops", "neurips ws"),
    "ICML": ("international conference on machine learning",),
    "ICLR": ("international conference on learning representations",),
    "AAAI": ("aaai conference on artificial intelligence",),
    "IJCAI": ("international joint conference on artificial intelligence",),
    "AISTATS": ("international conference on artificial intelligence and statistics",),
    "UAI": ("conference on uncertainty in artificial intelligence",),
    "COLT": ("conference on learning theory",),
    "CoRL": ("conference on robot learning",),
    "ACL": ("annual meeting of the association for computational linguistics",),
    "ACL Findings": ("findings of acl", "findings of the acl", "acl findings"),
    "EMNLP": ("empirical methods in natural language processing",),
    "EMNLP Findings": ("findings of emnlp", "findings of the emnlp", "emnlp findings"),
    "NAACL": ("naacl hlt", "naacl-hlt"),
    "NAACL Findings": ("findings of naacl", "findings of the naacl", "naacl findings"),
    "EACL": ("conference of the european chapter of the association for computational linguistics",),
    "EACL Findings": ("findings of eacl", "findings of the eacl", "eacl findings"),
    "AACL": ("aacl-ijcnlp", "aacl ijcnlp"),
    "CoNLL": ("conference on computational natural language learning",),
    "COLING": ("international conference on computational linguistics",),
    "LREC-COLING": ("lrec coling", "coling-lrec"),
    "CVPR": ("conference on computer vision and pattern recognition",),
    "CVPR Workshop": ("cvpr workshops", "cvprw", "cvpr ws"),
    "ICCV": ("international conference on computer vision",),
    "ICCV Workshop": ("iccv workshops", "iccvw", "iccv ws"),
    "ECCV": ("european conference on computer vision",),
    "ECCV Workshop": ("eccv workshops", "eccvw", "eccv ws"),
    "WACV": ("winter conference on applications of computer vision",),
    "ACCV": ("asian conference on computer vision",),
    "ICRA": ("international conference on robotics and automation", "ieee icra"),
    "IROS": ("international conference on intelligent robots and systems", "ieee/rsj iros"),
    "ICDE": ("international conference on data engineering", "ieee icde"),
    "ICWSM": ("international aaai conference on web and social media",),
    "ICAPS": ("international conference on automated planning and scheduling",),
    "KDD": ("sigkdd", "acm sigkdd", "acm kdd"),
    "WWW": ("the web conference", "thewebconf", "web conference"),
    "SIGIR": ("acm sigir",),
    "INFOCOM": ("ieee infocom",),
    "MobiCom": ("acm mobicom",),
    "EuroSys": ("eurosys",),
    "USENIX ATC": ("atc", "usenix annual technical conference"),
    "ICASSP": ("ieee icassp",),
    "Interspeech": ("interspeech",),
    "MICCAI": ("medical image computing and computer assisted intervention",),
}
JOURNALS: dict[str, tuple[str, ...]] = {
    "Journal of Machine Learning Research": ("jmlr", "j mach learn res"),
    "Transactions on Machine Learning Research": ("tmlr",),
    "Transactions of the Association for Computational Linguistics": ("tacl",),
    "Computational Linguistics": (),
    "IEEE Transactions on Pattern Analysis and Machine Intelligence": ("tpami", "ieee tpami", "pami"),
    "IEEE Transactions on Neural Networks and Learning Systems": ("tnnls", "ieee tnnls"),
    "IEEE Transactions on Knowledge and Data Engineering": ("tkde", "ieee tkde"),
    "IEEE Transactions on Mobile Computing": ("tmc", "ieee tmc"),
    "IEEE Transactions on Parallel and Distributed Systems": ("tpds", "ieee tpds"),
    "IEEE Transactions on Information Forensics and Security": ("tifs", "ieee tifs"),
    "IEEE Transactions on Dependable and Secure Computing": ("tdsc", "ieee tdsc"),
    "IEEE Transactions on Wireless Communications": ("twc", "ieee twc"),
    "IEEE Transactions on Big Data": ("tbd", "ieee tbd"),
    "IEEE/ACM Transactions on Audio, Speech, and Language Processing": ("taslp", "ieee taslp"),
    "IEEE/ACM Transactions on Networking": ("ton", "ieee ton", "ieee/acm ton"),
    "IEEE Journal on Selected Areas in Communications": ("jsac", "ieee jsac"),
    "IEEE Journal of Selected Topics in Signal Processing": ("jstsp", "ieee jstsp"),
    "IEEE Internet of Things Journal": ("iotj", "ieee iotj", "ieee iot j", "ieee iot journal"),
    "IEEE Communications Surveys & Tutorials": ("comst", "ieee comst", "ieee commun surveys tuts"),
    "IEEE Communications Magazine": ("ieee communication magazine", "ieee commag", "commag"),
    "IEEE Wireless Communications": ("ieee wc", "ieee wireless commun"),
    "IEEE Data Engineering Bulletin": ("ieee deb", "ieee data eng bull"),
    "ACM Transactions on Intelligent Systems and Technology": ("tist", "acm tist"),
    "ACM Transactions on Management Information Systems": ("tmis", "acm tmis"),
    "ACM Transactions on Modeling and Performance Evaluation of Computing Systems": (
        "tompecs",
        "acm tompecs",
    ),
    "ACM Computing Surveys": ("csur", "acm csur", "acm comput surv"),
    "Nature": (),
    "Science": (),
    "npj Digital Medicine": ("npj digit med",),
}
VenueKind = Literal["conference", "journal", "preprint"]
_KINDS: tuple[tuple[VenueKind, dict[str, tuple[str, ...]]], ...] = (
    ("preprint", PREPRINT_SERVERS),
    ("conference", CONFERENCES),
    ("journal", JOURNALS),
)
# Every venue, whatever its kind: the one table `canonical_venue` looks names up in.
VENUES: dict[str, tuple[str, ...]] = {name: others for _, table in _KINDS for name, others in table.items()}

# Words a journal abbreviation may leave out (ISO 4 drops them), and publishers it may leave out.
_SKIPPABLE = frozenset({"on", "of", "and", "the", "in", "for", "&", "ieee", "acm", "ieee/acm"})
_YEAR_RE = re.compile(r"(?:^|(?<=[\s\w]))((?:19|20)\d\d|'\d\d)(?=\s|$)")


def _key(text: str) -> str:
    """Case, dots, hyphens, commas and spacing ignored: "IEEE Commun. Mag." and "ieee commun mag" agree."""
    return " ".join(re.sub(r"[.,:;()\-–]", " ", text.casefold()).split())


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, others in VENUES.items():
        for spelling in (canonical, *others):
            table.setdefault(_key(spelling), canonical)
    return table


def _abbreviates(words: list[str], name: str) -> bool:
    """Whether `words` abbreviate `name` word by word, in order ("ieee trans mob" for "IEEE Transactions
    on Mobile Computing"): each a prefix of a name word, skippable words skipped, at most trailing words
    missing (a name cut short)."""
    full = _key(name).split()
    i = 0
    for word in words:
        while i < len(full) and not full[i].startswith(word) and full[i] in _SKIPPABLE:
            i += 1
        if i >= len(full) or not full[i].startswith(word):
            return False
        i += 1
    return True


@lru_cache(maxsize=1)
def _journals() -> tuple[str, ...]:
    """Names long enough to be abbreviated; acronyms (one word) are looked up as aliases only."""
    return tuple(name for name in VENUES if len(name.split()) >= 3)


def _lookup(text: str) -> str:
    key = _key(text)
    if not key:
        return ""
    found = _aliases().get(key)
    if found:
        return found
    words = [w for w in key.split() if w not in _SKIPPABLE]
    # An abbreviation: at least two meaningful words, at least one of them shortened, one table entry only.
    if len(words) >= 2 and len(key.split()) >= 2:
        matches = [name for name in _journals() if _abbreviates(key.split(), name)]
        if len(matches) == 1:
            return matches[0]
    return ""


@lru_cache(maxsize=65536)
def canonical_venue(text: str) -> str:
    """The canonical spelling of a venue, a year in it kept where it stands ("NIPS 2019" -> "NeurIPS 2019").

    Unknown venues come back as written with spaces tidied, never shortened; "" stays "".
    """
    tidy = " ".join(str(text).split())
    found = _lookup(tidy)
    if found:
        return found
    match = _YEAR_RE.search(tidy)
    if match:  # "NIPS 2019", "ICLR'24", "2023 IEEE INFOCOM": the venue around the year
        before, after = tidy[: match.start(1)].strip(), tidy[match.end(1) :].strip()
        rest = f"{before} {after}".strip()
        found = _lookup(rest)
        if found:
            if not before and after:
                return f"{match.group(1)} {found}"
            glued = match.start(1) > 0 and not tidy[match.start(1) - 1].isspace()  # "ICLR'24" stays glued
            return f"{found}{'' if glued else ' '}{match.group(1)}"
    return tidy


@lru_cache(maxsize=4096)
def venue_kind(venue: str) -> VenueKind | Literal[""]:
    """The venue's kind in the registry (conference, journal, preprint; a year in it aside), else ""."""
    name = canonical_venue(venue)
    if name not in VENUES:  # "WWW 2022", "2023 IEEE INFOCOM": the venue without its year
        name = canonical_venue(_YEAR_RE.sub(" ", name))
    for kind, table in _KINDS:
        if name in table:
            return kind
    return ""


# ------------------------------------------------------------------------------ venue from a paper's link
#
# A proceedings site names the venue and year in its paths (`openaccess.thecvf.com/content/CVPR2024/...`,
# `aclanthology.org/2023.acl-long.1`), and it is the publisher's word, not a list's; a list of CVPR papers
# that links CVF pages but never writes "CVPR" still holds CVPR papers. `LINK_VENUE_RULES` below is the
# whole of it: one row per site, tried in order, each a pattern of host and path and how its groups name
# the venue. An OpenReview page names no venue (a submission there may have been rejected), so it has no row.

_PMLR_DATA = "pmlr_volumes.csv"  # PMLR volume -> venue and year, as PMLR's own index lists them


@lru_cache(maxsize=1)
def pmlr_volumes() -> dict[int, tuple[str, int]]:
    """PMLR volume number -> (venue, year); only volumes whose venue is certain are in the data file."""
    text = resources.files("awesome_merge").joinpath("data", _PMLR_DATA).read_text(encoding="utf-8")
    return {int(row["volume"]): (row["venue"], int(row["year"])) for row in csv.DictReader(text.splitlines())}


# ACL Anthology event codes (`2023.acl-long.1`, `2024.findings-emnlp.12`) and the letters of its older ids
# (`P19-1001`). Workshops (`W`, `2023.repl4nlp-1`) are many and named nowhere in the id: no venue.
ACL_EVENTS: dict[str, str] = {
    "acl": "ACL",
    "emnlp": "EMNLP",
    "naacl": "NAACL",
    "eacl": "EACL",
    "aacl": "AACL",
    "coling": "COLING",
    "conll": "CoNLL",
    "tacl": "Transactions of the Association for Computational Linguistics",
    "cl": "Computational Linguistics",
}
ACL_OLD_LETTERS: dict[str, str] = {
    "P": "ACL",
    "D": "EMNLP",
    "N": "NAACL",
    "E": "EACL",
    "C": "COLING",
    "K": "CoNLL",
    "Q": "Transactions of the Association for Computational Linguistics",
    "J": "Computational Linguistics",
}
_ACL_NEW_ID = re.compile(
    r"(?P<year>\d{4})\.(?P<findings>findings-)?(?P<event>[a-z]+)(?:-[a-z0-9]+)*\.\d+", re.I
)
_ACL_OLD_ID = re.compile(r"(?P<letter>[A-Z])(?P<yy>\d{2})-\d{4}", re.I)

Found = tuple[str, int | None]


def _two_digit_year(yy: str) -> int:
    return 1900 + int(yy) if int(yy) >= 60 else 2000 + int(yy)


def _year_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("year"):
        return int(groups["year"])  # type: ignore[arg-type]
    yy = groups.get("yy")
    return _two_digit_year(yy) if yy else None


def _named(match: re.Match[str]) -> Found:
    """The conference the path spells (`CVPR`, `cvpr` with `W` or `_workshops` for its workshops) and the
    year; nothing for a code the registry does not hold as a conference (an IEEE journal, a new event)."""
    groups = match.groupdict()
    name = canonical_venue(str(groups["venue"]).upper())
    if groups.get("workshop") or groups.get("workshops"):
        name = canonical_venue(name + " Workshop")
    if name not in CONFERENCES:
        return "", None
    return name, _year_of(groups)


def _pmlr(match: re.Match[str]) -> Found:
    venue, year = pmlr_volumes().get(int(match["volume"]), ("", None))
    return venue, year


def _acl(match: re.Match[str]) -> Found:
    """`2023.acl-long.1` -> ACL 2023, `2024.findings-emnlp.3` -> EMNLP Findings 2024, `N19-1423` -> NAACL."""
    ident = match["acl"]
    new = _ACL_NEW_ID.fullmatch(ident)
    if new:
        venue = ACL_EVENTS.get(new["event"].lower(), "")
        if venue and new["findings"]:
            venue = canonical_venue(f"{venue} Findings")
            venue = venue if venue in CONFERENCES else ""
        return (venue, int(new["year"])) if venue else ("", None)
    old = _ACL_OLD_ID.fullmatch(ident)
    if old and old["letter"].upper() in ACL_OLD_LETTERS:
        return ACL_OLD_LETTERS[old["letter"].upper()], _two_digit_year(old["yy"])
    return "", None


@dataclass(frozen=True)
class LinkRule:
    """One site: a pattern matched at the start of `host/path` (host in lower case, `www.` and `dx.`
    dropped, case ignored; the pattern up to its first `/` matches the host alone), and the venue its pages
    are at, else the `venue` group (with `workshop`) names it; the year from a `year`, `yy` (two digits)
    or `volume` group. `resolve` replaces all of that."""

    name: str
    pattern: str
    venue: str = ""
    resolve: Callable[[re.Match[str]], Found] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)

    def found(self, match: re.Match[str]) -> Found:
        if self.resolve is not None:
            return self.resolve(match)
        if not self.venue:
            return _named(match)
        groups = match.groupdict()
        year = _year_of(groups)
        if groups.get("volume") and self.venue in VOLUME_YEARS:
            year = VOLUME_YEARS[self.venue] + int(groups["volume"]) - 1
        return self.venue, year


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Venues with one volume a year: volume n appeared in year `first + n - 1` (AAAI-19 is volume 33).
VOLUME_YEARS: dict[str, int] = {"AAAI": 1987, "Journal of Machine Learning Research": 2000}

# Tried in order; the first rule that matches a link decides. A DOI is tried as `doi.org/<doi>`.
LINK_VENUE_RULES: tuple[LinkRule, ...] = (
    # /content/CVPR2024/html/..., /content/ICCV2023W/<workshop>/..., /content/WACV2024/papers/...
    LinkRule(
        "CVF open access",
        r"openaccess\.thecvf\.com/content/(?P<venue>[a-z]+?)(?P<year>\d{4})(?P<workshop>w)?/[^/]+/.",
    ),
    # before 2020: /content_CVPR_2019/html/..., /content_cvpr_2017_workshops/w12/..., /content_ECCV_2018/...
    LinkRule(
        "CVF open access, older paths",
        r"openaccess\.thecvf\.com/content_(?P<venue>[a-z]+?)(?P<workshop>w)?_(?P<year>\d{4})"
        r"(?P<workshops>_workshops)?/[^/]+/.",
    ),
    LinkRule(
        "CVF virtual site",
        r"(?P<venue>cvpr|iccv|wacv)\.thecvf\.com/virtual/(?P<year>\d{4})/(?:poster|oral)/\d",
    ),
    LinkRule("ECVA (ECCV)", r"ecva\.net/papers/eccv_(?P<year>\d{4})/.", venue="ECCV"),
    LinkRule(
        "NeurIPS proceedings",
        r"(?:proceedings|papers)\.(?:neurips|nips)\.cc/(?:paper_files/)?paper/(?P<year>\d{4})/(?:hash|file)/.",
        venue="NeurIPS",
    ),
    LinkRule(
        "NIPS proceedings, numbered", r"papers\.(?:neurips|nips)\.cc/paper/\d+-[a-z0-9]", venue="NeurIPS"
    ),
    LinkRule(
        "ICLR proceedings",
        r"proceedings\.iclr\.cc/(?:paper_files/)?paper/(?P<year>\d{4})/(?:hash|file)/.",
        venue="ICLR",
    ),
    LinkRule(
        "conference virtual site",
        r"(?P<venue>neurips|nips|icml|iclr)\.cc/virtual/(?P<year>\d{4})/(?:poster|oral|spotlight)/\d",
    ),
    LinkRule("PMLR", r"proceedings\.mlr\.press/v(?P<volume>\d+)/[a-z0-9]", resolve=_pmlr),
    LinkRule("PMLR, old address", r"jmlr\.org/proceedings/papers/v(?P<volume>\d+)/[a-z0-9]", resolve=_pmlr),
    LinkRule(
        "JMLR",
        r"jmlr\.org/papers/v(?:olume)?(?P<volume>\d+)/[a-z0-9]",
        venue="Journal of Machine Learning Research",
    ),
    LinkRule(
        "ACL Anthology",
        r"(?:aclanthology|aclweb)\.org/(?:anthology/)?(?:[a-z]/[a-z]\d\d/)?"
        r"(?P<acl>\d{4}\.[a-z0-9-]+\.\d+|[a-z]\d{2}-\d{4})(?![\d-])",
        resolve=_acl,
    ),
    LinkRule(
        "AAAI and its sister conferences (OJS)",
        r"(?:ojs\.)?aaai\.org/(?:ojs/)?index\.php/(?P<venue>AAAI|ICWSM|ICAPS)/article/view/\d",
    ),
    LinkRule(
        "IJCAI proceedings",
        r"ijcai\.org/proceedings/(?:(?P<year>\d{4})|(?P<yy>\d{2}))/(?:papers/)?\d",
        venue="IJCAI",
    ),
    LinkRule(
        "ACL Anthology DOI",
        r"doi\.org/10\.18653/v1/(?P<acl>\d{4}\.[a-z0-9-]+\.\d+|[a-z]\d{2}-\d{4})$",
        resolve=_acl,
    ),
    LinkRule("AAAI DOI", r"doi\.org/10\.1609/aaai\.v(?P<volume>\d+)i\d+\.\d", venue="AAAI"),
    LinkRule("IJCAI DOI", r"doi\.org/10\.24963/ijcai\.(?P<year>\d{4})/\d", venue="IJCAI"),
    # 10.1109/CVPR52688.2022.01234, 10.1109/ICCV.2017.322: the conference and its year. A journal's DOI
    # (10.1109/TPAMI.2020.2981234) names no conference of the registry, so it gives no venue.
    LinkRule("IEEE conference DOI", r"doi\.org/10\.1109/(?P<venue>[a-z]+)\d*\.(?P<year>\d{4})\.\d"),
)


@cache
def _rule_hosts() -> re.Pattern[str]:
    """A link to one of the rules' hosts (each rule's pattern up to its first `/`, groups unnamed)."""
    hosts = [re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.split("/", 1)[0]) for rule in LINK_VENUE_RULES]
    alternatives = "|".join(f"(?:{h})" for h in dict.fromkeys(hosts))
    return re.compile(rf"https?://(?:www\.|dx\.)?(?:{alternatives})(?:[/?#]|$)", re.I)


@lru_cache(maxsize=65536)
def venue_from_link(url: str) -> Found:
    """The venue and year a proceedings link shows (`("CVPR", 2024)`), or `("", None)`; a bare DOI counts."""
    text = url.strip()
    if text[:3] == "10.":
        text = "https://doi.org/" + text
    if not _rule_hosts().match(text):  # most links (arXiv, GitHub, blogs) end here, cheaply
        return "", None
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", None
    where = host.removeprefix("www.").removeprefix("dx.") + unquote(parts.path)
    for rule in LINK_VENUE_RULES:
        match = rule.regex.match(where)
        if match:
            venue, year = rule.found(match)
            if venue:
                return venue, year
    return "", None


def venue_from_links(urls: Iterable[str], doi: str = "") -> Found:
    """The venue of the first of an entry's links that shows one: its page, other versions, then its DOI."""
    for url in (*urls, doi):
        if url:
            found = venue_from_link(url)
            if found[0]:
                return found
    return "", None


def fill_venues_from_links(entries: list[Entry]) -> None:
    """Entries whose text names no venue, or only a preprint server, take the venue their links show.

    Why: lists of one conference rarely write its name beside each paper, and "arXiv" is where a paper
    was first posted, not where it was published. A venue of the registry the text names stays (its year,
    when the text gives none, taken from a link to the same venue), as does any venue stated with a year.
    """
    for entry in entries:
        stated = entry.venue
        if stated and not is_preprint_venue(stated) and entry.year is not None:
            continue
        venue, year = venue_from_links([entry.url, *entry.alt_urls], entry.doi)
        if not venue:
            continue
        if is_preprint_venue(stated) or not venue_kind(stated):  # no venue, arXiv, or words of no venue
            entry.venue, entry.year = venue, year or entry.year
        elif canonical_venue(stated) == venue:
            entry.year = year
