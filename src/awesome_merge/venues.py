"""One spelling per venue: `canonical_venue("NIPS 2019")` is `"NeurIPS 2019"`.

Lists spell a venue many ways ("NeurIPS"/"NIPS", "arXiv"/"Arxiv", "IEEE Commun. Mag."/"IEEE Communication
Magazine"), and some cut a name short ("IEEE Trans. Mob"). Counting those as different venues splits the
votes that choose a paper's venue and shows a reader two names for one place. The reader and the writer both
call `canonical_venue`; it is idempotent, so calling it twice is harmless.

The table names conferences by the acronym they use themselves, journals by their full title. A venue not in
the table is kept as written (spaces tidied), never shortened. The table holds venues of computing and
statistics at large, not of one field; a name missing here is a one-line addition.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["VENUES", "canonical_venue"]

# canonical name -> other spellings (compared without case, dots, hyphens or extra spaces)
VENUES: dict[str, tuple[str, ...]] = {
    "arXiv": ("arxiv preprint", "corr", "arxiv.org", "arxiv e-prints"),
    "OpenReview": ("openreview.net",),
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
    "ACL": ("annual meeting of the association for computational linguistics",),
    "ACL Findings": ("findings of acl", "findings of the acl", "acl findings"),
    "EMNLP": ("empirical methods in natural language processing",),
    "EMNLP Findings": ("findings of emnlp", "findings of the emnlp", "emnlp findings"),
    "NAACL": ("naacl hlt", "naacl-hlt"),
    "COLING": ("international conference on computational linguistics",),
    "LREC-COLING": ("lrec coling", "coling-lrec"),
    "CVPR": ("conference on computer vision and pattern recognition",),
    "ICCV": ("international conference on computer vision",),
    "ECCV": ("european conference on computer vision",),
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
    "Journal of Machine Learning Research": ("jmlr", "j mach learn res"),
    "Transactions on Machine Learning Research": ("tmlr",),
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
