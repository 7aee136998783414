"""Synthetic awesome-list corpora with known truth, for the benchmarks.

Why: the bundled lists hold a few hundred entries, too few to show how awesome-merge scales, and nobody has
labelled which entries are the same paper. This module writes lists of any size in the formats real lists
use, where every entry is a perturbed rendering of a paper from a known pool, and records the truth:

- `*.md` list files (about 10k entries each by default);
- `truth.csv`: `source,line,paper_id`, one row per entry; `line` is the 1-based line holding the entry's
  title/link. A table cell may hold several entries on one line: their rows follow their order in the line;
- `papers.csv`: the pool (identifiers, title, trap kind), to check links and to explain errors.

Everything is deterministic by seed. `python benchmarks/corpus.py --check` is a self-check.
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ENTRIES_PER_LIST = 10_000
FORMATS = ("bullets", "table", "html", "headings", "plain")
TRUTH_NAME = "truth.csv"
PAPERS_NAME = "papers.csv"

# --- vocabulary: many titles share words, as in a real topic list ---------------------------------

ADJECTIVES = (
    "Communication-Efficient",
    "Privacy-Preserving",
    "Personalized",
    "Heterogeneous",
    "Parameter-Efficient",
    "Robust",
    "Scalable",
    "Asynchronous",
    "Decentralized",
    "Differentially Private",
    "Byzantine-Resilient",
    "Resource-Aware",
    "Adaptive",
    "Memory-Efficient",
    "Hierarchical",
    "Secure",
    "Fair",
    "Continual",
    "One-Shot",
    "Clustered",
    "Energy-Efficient",
    "Label-Efficient",
    "Data-Free",
    "Lightweight",
    "Low-Rank",
    "Sparse",
    "Trustworthy",
    "Incentive-Aware",
    "Verifiable",
    "Cross-Silo",
    "Cross-Device",
    "Multi-Task",
    "Semi-Supervised",
    "Self-Supervised",
    "Elastic",
    "Straggler-Resilient",
)
ACTIONS = (
    "Federated Fine-Tuning",
    "Federated Instruction Tuning",
    "Federated Prompt Learning",
    "Federated Pre-Training",
    "Federated Knowledge Distillation",
    "Federated Alignment",
    "Federated Unlearning",
    "Federated Continual Learning",
    "Federated Retrieval-Augmented Generation",
    "Federated Reinforcement Learning from Human Feedback",
    "Federated Optimization",
    "Federated Aggregation",
    "Split Learning",
    "Federated Evaluation",
    "Federated Model Merging",
    "Federated Adapter Tuning",
    "Federated Preference Optimization",
    "Federated Domain Adaptation",
    "Federated Inference",
    "Federated Transfer Learning",
    "Collaborative Training",
)
OBJECTS = (
    "Large Language Models",
    "Foundation Models",
    "Vision-Language Models",
    "Vision Transformers",
    "Diffusion Models",
    "Small Language Models",
    "Multimodal Large Language Models",
    "Code Language Models",
    "Speech Foundation Models",
    "Mixture-of-Experts Models",
    "Recommendation Models",
    "Graph Neural Networks",
    "Pre-Trained Language Models",
    "Generative Models",
    "Medical Foundation Models",
    "Time-Series Models",
)
TECHNIQUES = (
    "with Low-Rank Adapters",
    "via Sparse Updates",
    "via Knowledge Distillation",
    "with Mixture of LoRA Experts",
    "under Non-IID Data",
    "on Edge Devices",
    "across Heterogeneous Clients",
    "with Differential Privacy",
    "via Gradient Compression",
    "with Quantized Communication",
    "via Prompt Tuning",
    "with Secure Aggregation",
    "under Partial Participation",
    "with Client Drift Correction",
    "via Zeroth-Order Optimization",
    "for Medical Imaging",
    "in Wireless Networks",
    "with Synthetic Data",
    "via Layer Freezing",
    "with Parameter Sharing",
    "with Heterogeneous Ranks",
    "via Split Computing",
    "with Public Data",
    "at Scale",
    "in Resource-Constrained Environments",
    "with Backdoor Defenses",
    "without Gradients",
    "with Hypernetworks",
    "via Model Pruning",
    "under Label Skew",
)
PROPERTIES = (
    "Convergence",
    "Robustness",
    "Privacy Risks",
    "Generalization",
    "Memorization",
    "Vulnerability",
    "Fairness",
    "Communication Cost",
    "Sample Complexity",
    "Effectiveness",
)
SUBTITLES = (
    "A Low-Rank Perspective",
    "Theory and Practice",
    "Challenges and Opportunities",
    "An Empirical Study",
    "A Unified Framework",
    "Lessons from Practice",
    "Benchmarks & Baselines",
    "Trade-offs and Algorithms",
    "Provable Guarantees and Efficient Algorithms",
    "Closing the Gap with Centralized Training",
    "A Systems Perspective",
    "What Really Matters",
    "Revisiting the Baselines",
    "A Game-Theoretic View",
)
STARTS = (
    "A Benchmark for",
    "An Open Framework for",
    "Rethinking",
    "Revisiting",
    "Scaling",
    "Efficient",
    "Towards Practical",
    "Demystifying",
    "Understanding",
)
SHORT_PREFIX = ("Fed", "Fed", "Fed", "Fed", "", "Flex", "Het", "Split", "Pi", "Zoo", "Open", "Fwd")
SYLLABLES = (
    "Lo",
    "Ra",
    "Ko",
    "Sa",
    "Pe",
    "Ti",
    "Mo",
    "Ve",
    "Da",
    "Bi",
    "Xu",
    "Qi",
    "Ne",
    "Ga",
    "Ru",
    "Hy",
    "Ze",
    "Ca",
    "Mi",
    "Tor",
    "Lin",
    "Sel",
    "Pro",
    "Syn",
)
SHORT_SUFFIX = (
    "LoRA",
    "Prompt",
    "KD",
    "GPT",
    "Bench",
    "Opt",
    "Mix",
    "Tune",
    "Adapt",
    "RAG",
    "MoE",
    "PEFT",
    "",
    "",
    "",
    "",
)
FIRST_NAMES = (
    "Wei",
    "Jian",
    "Xiaoxiao",
    "Yaliang",
    "Daoyuan",
    "Sai",
    "Maria",
    "Linh",
    "Zhen",
    "Stacy",
    "Hao",
    "Yuxin",
    "Ana",
    "Bolin",
    "Chen",
    "David",
    "Elena",
    "Farah",
    "Gregoire",
    "Hannah",
    "Ivan",
    "Jun",
    "Kai",
    "Lena",
    "Ming",
    "Nikhil",
    "Olga",
    "Pascal",
    "Qiang",
    "Rui",
    "Song",
    "Tian",
    "Uma",
    "Victor",
    "Xin",
    "Yang",
)
LAST_NAMES = (
    "Li",
    "Wang",
    "Zhang",
    "Chen",
    "Liu",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Luo",
    "Gao",
    "Karimireddy",
    "Patterson",
    "Hartmann",
    "Tran",
    "Qin",
    "Ding",
    "Deng",
    "Smith",
    "Johnson",
    "Garcia",
    "Muller",
    "Rossi",
    "Kim",
    "Park",
    "Nguyen",
    "Singh",
    "Kumar",
    "Silva",
    "Ivanova",
    "Novak",
    "Poupart",
    "Ye",
    "Bai",
    "Shu",
    "Cai",
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# venue -> kind of venue page: acm (DOI + dl.acm.org), openreview, neurips (proceedings hash), other (none)
VENUES = {
    "KDD": "acm",
    "WWW": "acm",
    "MobiCom": "acm",
    "SIGIR": "acm",
    "CCS": "acm",
    "MobiSys": "acm",
    "SenSys": "acm",
    "CIKM": "acm",
    "ICLR": "openreview",
    "TMLR": "openreview",
    "NeurIPS": "neurips",
    "ICML": "other",
    "AAAI": "other",
    "ACL": "other",
    "EMNLP": "other",
    "CVPR": "other",
    "ICCV": "other",
    "INFOCOM": "other",
    "IJCAI": "other",
    "IEEE TPDS": "other",
    "IEEE TMC": "other",
}
SECTIONS = (
    "Parameter-Efficient Fine-Tuning",
    "Prompt Learning",
    "Instruction Tuning",
    "Knowledge Distillation",
    "Privacy Attacks",
    "Defenses",
    "Benchmarks",
    "Frameworks",
    "Surveys",
    "Applications",
    "Personalization",
    "Model Compression",
    "Split Learning",
    "Zeroth-Order Optimization",
    "Retrieval-Augmented Generation",
    "Alignment and RLHF",
    "Multimodal Models",
    "Continual Learning",
    "Unlearning",
    "Communication Efficiency",
    "Heterogeneous Resources",
    "Robustness",
    "Incentives",
    "Healthcare",
    "Recommendation Systems",
)
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
_HEX = "0123456789abcdef"


@dataclass(slots=True)
class Paper:
    """One true paper of the pool; every entry of every list renders one of these."""

    pid: str
    title: str
    short: str  # short name before the colon ("FedXYZ"), or ""
    main: str  # title without its subtitle when the part before the colon is not a short name, or ""
    arxiv: str  # YYMM.NNNNN, unique per paper
    year: int  # publication year (arXiv year, or the venue's)
    month: int
    venue: str  # "arXiv" for preprints
    doi: str
    openreview: str
    neurips_hash: str
    venue_url: str
    authors: str
    code: str  # GitHub URL or ""
    trap: str  # "", "part", "v2", "survey", "shared-short", or one of HARD_TRAPS
    alt_title: str = ""  # the other title of a "retitled" paper


# --- the pool -------------------------------------------------------------------------------------


def _short_name(rng: random.Random) -> str:
    core = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3))))
    name = rng.choice(SHORT_PREFIX) + core + rng.choice(SHORT_SUFFIX)
    return name if len(name) > 3 else name + "Net"


def _adjective(rng: random.Random) -> str:
    adj = rng.choice(ADJECTIVES)
    if rng.random() < 0.3:
        other = rng.choice(ADJECTIVES)
        if other != adj:
            adj = f"{adj} and {other}"
    return adj


def _title(rng: random.Random) -> tuple[str, str, str]:
    """A real-looking title as (title, short name, main part); templates share most of their words."""
    adj, act, obj, tech = _adjective(rng), rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(TECHNIQUES)
    t = rng.random()
    if t < 0.40:
        short = _short_name(rng)
        return f"{short}: {adj} {act} of {obj} {tech}", short, ""
    if t < 0.60:
        return f"{adj} {act} for {obj} {tech}", "", ""
    if t < 0.72:
        main = f"Towards {adj} {act} of {obj}"
        return f"{main}: {rng.choice(SUBTITLES)}", "", main
    if t < 0.80:
        main = f"On the {rng.choice(PROPERTIES)} of {adj} {act} for {obj}"
        return (f"{main}: {rng.choice(SUBTITLES)}", "", main) if rng.random() < 0.5 else (main, "", "")
    if t < 0.88:
        main = f"When {act} Meets {obj} {tech}"
        return f"{main}: {rng.choice(SUBTITLES)}", "", main
    short = _short_name(rng)
    return f"{short}: {rng.choice(STARTS)} {adj} {act} {tech}", short, ""


def _venue_fields(rng: random.Random, venue: str, year: int) -> tuple[str, str, str, str]:
    """(doi, openreview id, neurips hash, venue page URL) for a paper published at `venue`."""
    kind = VENUES.get(venue, "")
    if kind == "acm":
        doi = f"10.1145/{rng.randint(3_000_000, 3_799_999)}.{rng.randint(3_000_000, 3_799_999)}"
        return doi, "", "", f"https://dl.acm.org/doi/{doi}"
    if kind == "openreview":
        oid = "".join(rng.choice(_ALNUM) for _ in range(10))
        return "", oid, "", f"https://openreview.net/forum?id={oid}"
    if kind == "neurips":
        digest = "".join(rng.choice(_HEX) for _ in range(32))
        url = (
            f"https://proceedings.neurips.cc/paper_files/paper/{year}/hash/{digest}-Abstract-Conference.html"
        )
        return "", "", digest, url
    return "", "", "", ""


class _PoolBuilder:
    """Draws papers with unique titles and unique arXiv ids."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.titles: set[str] = set()
        self.arxiv: set[str] = set()
        self.papers: list[Paper] = []

    def add(self, title: str, short: str, main: str, trap: str = "") -> Paper | None:
        key = title.lower()
        if key in self.titles:
            return None
        self.titles.add(key)
        rng = self.rng
        while True:
            y = rng.randint(2019, 2025)
            m = rng.randint(1, 12)
            arxiv = f"{y % 100:02d}{m:02d}.{rng.randint(1, 29_999):05d}"
            if arxiv not in self.arxiv:
                self.arxiv.add(arxiv)
                break
        venue, year = "arXiv", y
        if rng.random() < 0.7:
            venue = rng.choice(tuple(VENUES))
            year = min(y + rng.choice((0, 0, 1)), 2025)
        doi, oid, digest, venue_url = _venue_fields(rng, venue, year)
        names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(2, 6))]
        code = ""
        if rng.random() < 0.5:
            owner = names[0].split()[-1].lower() + str(rng.randint(0, 99))
            repo = short or "-".join(title.split()[:3]).replace(":", "")
            code = f"https://github.com/{owner}/{repo}"
        paper = Paper(
            pid=f"P{len(self.papers):07d}",
            title=title,
            short=short,
            main=main,
            arxiv=arxiv,
            year=year,
            month=m,
            venue=venue,
            doi=doi,
            openreview=oid,
            neurips_hash=digest,
            venue_url=venue_url,
            authors=", ".join(names),
            code=code,
            trap=trap,
        )
        self.papers.append(paper)
        return paper


# Traps the matcher has no guard for (`hard=True`): each paper in one is sometimes rendered so that only
# its title, or nothing, says which paper it is. "digit-typo", "short-no-id" and "retitled" are one paper
# the matcher may fail to join; "shared-page" is different papers linked to one proceedings index page,
# which it may wrongly join. The default corpus holds none, so its figures say nothing about these.
HARD_TRAPS = ("digit-typo", "short-no-id", "retitled", "shared-page")
INDEX_PAGES = (
    "https://proceedings.neurips.cc/paper_files/paper/2023",
    "https://openreview.net/group?id=ICLR.cc/2024/Conference",
    "https://aclanthology.org/events/emnlp-2023/",
    "https://dl.acm.org/doi/proceedings/10.1145/3580305",
)
HARD_SHARE = 0.5  # of the entries of a hard-trap paper, rendered as the trap


def _add_hard_traps(rng: random.Random, builder: _PoolBuilder, n_traps: int) -> None:
    for _ in range(n_traps):  # a number in the title, mistyped in some entries
        bits = rng.choice(("2", "3", "4", "8", "16", "32"))
        title = f"{_adjective(rng)} {rng.choice(ACTIONS)} of {rng.choice(OBJECTS)} with {bits}-bit Weights"
        builder.add(title, "", "", "digit-typo")
    for _ in range(n_traps):  # known by its short name, linked to a copy with no identifier
        short = _short_name(rng)
        title = f"{short}: {_adjective(rng)} {rng.choice(ACTIONS)} of {rng.choice(OBJECTS)}"
        builder.add(title, short, "", "short-no-id")
    for _ in range(n_traps):  # preprint and published version under two titles
        title, short, main = _title(rng)
        other = _title(rng)[0]
        paper = builder.add(title, short, main, "retitled")
        if paper and other.lower() not in builder.titles:
            builder.titles.add(other.lower())
            paper.alt_title = other
        elif paper:
            paper.trap = ""
    for _ in range(n_traps * 2):  # different papers, some entries linking a proceedings index page
        builder.add(*_title(rng), "shared-page")


def make_pool(rng: random.Random, n_papers: int, hard: bool = False) -> list[Paper]:
    """`n_papers` papers, about 1% of them in each kind of near-duplicate trap (and of HARD_TRAPS if
    `hard`)."""
    builder = _PoolBuilder(rng)
    n_traps = max(1, n_papers // 100) if n_papers >= 40 else 0
    if hard:
        _add_hard_traps(rng, builder, n_traps)
    for _ in range(n_traps):  # different papers whose titles differ by one number
        for _tries in range(20):
            act, obj, tech = rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(TECHNIQUES)
            base = f"{_adjective(rng)} {act} for {obj} {tech}"
            if f"{base} part 2".lower() in builder.titles:
                continue
            if builder.add(f"{base} Part 1", "", "", "part"):
                builder.add(f"{base} Part 2", "", "", "part")
                break
    for _ in range(n_traps):  # a tool and its second version
        short = _short_name(rng)
        rest = f"{rng.choice(STARTS)} {_adjective(rng)} {rng.choice(ACTIONS)} {rng.choice(TECHNIQUES)}"
        if builder.add(f"{short}: {rest}", short, "", "v2"):
            builder.add(f"{short} v2: {rest}", f"{short} v2", "", "v2")
    for _ in range(n_traps):  # a paper and a survey of the same topic
        for _tries in range(20):
            topic = f"{rng.choice(ACTIONS)} of {rng.choice(OBJECTS)} {rng.choice(TECHNIQUES)}"
            if builder.add(topic, "", "", "survey"):
                builder.add(f"A Survey of {topic}", "", "", "survey")
                break
    for _ in range(n_traps):  # two unrelated papers sharing one short name
        short = _short_name(rng)
        a = f"{short}: {_adjective(rng)} {rng.choice(ACTIONS)} of {rng.choice(OBJECTS)}"
        b = f"{short}: {rng.choice(STARTS)} {rng.choice(ACTIONS)} {rng.choice(TECHNIQUES)}"
        if builder.add(a, short, "", "shared-short"):
            builder.add(b, short, "", "shared-short")
    while len(builder.papers) < n_papers:
        builder.add(*_title(rng))
    papers = builder.papers[:n_papers]
    rng.shuffle(papers)
    for i, paper in enumerate(papers):
        paper.pid = f"P{i:07d}"
    return papers


# --- perturbations: how one paper looks in one entry ----------------------------------------------


def _typo(rng: random.Random, s: str) -> str:
    """One wrong letter (never a digit: "Part 1" must not turn into "Part 2")."""
    for _ in range(8):
        i = rng.randrange(len(s))
        if s[i].isalpha():
            break
    else:
        return s
    op = rng.random()
    if op < 0.4:
        return s[:i] + rng.choice("aeioulnrst") + s[i + 1 :]
    if op < 0.7 or i + 1 >= len(s):
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


def _punct(rng: random.Random, s: str) -> str:
    r = rng.random()
    if r < 0.3 and ": " in s:
        return s.replace(": ", " - ", 1)
    if r < 0.6 and "-" in s:
        return s.replace("-", " ")
    if r < 0.8:
        return s + "."
    return s.replace(":", "")


def label_for(rng: random.Random, p: Paper, allow_short: bool = True) -> tuple[str, bool]:
    """The text shown for `p` in one entry, and whether it must link the arXiv id (short-name labels)."""
    if p.short and allow_short and rng.random() < 0.08:
        return p.short, True
    t = p.title
    r = rng.random()
    if r < 0.55:
        return t, False
    if r < 0.63:
        return t.lower(), False
    if r < 0.68:
        return t[:1] + t[1:].lower(), False
    if r < 0.71:
        return t.title(), False
    if r < 0.79:
        return _punct(rng, t), False
    if r < 0.85:
        return (p.main if p.main else _punct(rng, t)), False
    if r < 0.91:
        return _typo(rng, t), False
    if r < 0.94:
        return _typo(rng, t.lower()), False
    return t.replace(" ", "  ", 1), False  # stray double space


def link_for(rng: random.Random, p: Paper, force_arxiv: bool = False) -> str:
    """The URL of one entry: arXiv abs, pdf, versioned, http, arXiv DOI, or the venue page."""
    if not force_arxiv and p.venue_url and rng.random() < 0.3:
        return p.venue_url
    a = p.arxiv
    r = rng.random()
    if r < 0.60:
        return f"https://arxiv.org/abs/{a}"
    if r < 0.72:
        return f"https://arxiv.org/pdf/{a}.pdf"
    if r < 0.78:
        return f"https://arxiv.org/pdf/{a}"
    if r < 0.90:
        return f"https://arxiv.org/abs/{a}v{rng.randint(1, 4)}"
    if r < 0.95:
        return f"http://arxiv.org/abs/{a}"
    return f"https://doi.org/10.48550/arXiv.{a}"


def _digit_typo(rng: random.Random, s: str) -> str:
    """One digit of the title mistyped (`4-bit` -> `5-bit`), as hand-typed lists do."""
    digits = [i for i, c in enumerate(s) if c.isdigit()]
    if not digits:
        return s
    i = rng.choice(digits)
    return s[:i] + rng.choice([d for d in "0123456789" if d != s[i]]) + s[i + 1 :]


def _mirror(rng: random.Random, p: Paper) -> str:
    """A copy of the paper that no other entry links (an author's page PDF): no identifier in it."""
    owner = rng.choice(LAST_NAMES).lower() + str(rng.randint(0, 9999))
    return f"https://{owner}.github.io/papers/{p.pid.lower()}.pdf"


def hard_entry(rng: random.Random, p: Paper) -> tuple[str, str] | None:
    """The trap rendering of a hard-trap paper, or None to render it as usual."""
    if p.trap not in HARD_TRAPS or rng.random() >= HARD_SHARE:
        return None
    if p.trap == "digit-typo":
        return _digit_typo(rng, p.title), _mirror(rng, p)
    if p.trap == "short-no-id":
        return p.short, _mirror(rng, p)
    if p.trap == "retitled":
        return p.alt_title, _mirror(rng, p)
    return p.title, rng.choice(INDEX_PAGES)  # shared-page


def _entry(rng: random.Random, p: Paper, allow_short: bool = True, trap: bool = True) -> tuple[str, str]:
    """Label and link of one entry; `trap=False` on lines of several entries, which truth aligns by link."""
    hard = hard_entry(rng, p) if trap else None
    if hard:
        return hard
    label, force = label_for(rng, p, allow_short)
    return label.strip(), link_for(rng, p, force)


def _venue_text(rng: random.Random, p: Paper) -> str:
    return "arXiv" if p.venue == "arXiv" or rng.random() < 0.15 else p.venue


# --- list writers: one function per real format ---------------------------------------------------
# Each appends lines to `out` and (line number, paper id) pairs to `truth`; line numbers are 1-based.


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", name.lower()).replace(" ", "-")


def _write_bullets(rng: random.Random, papers: Sequence[Paper], out: list[str], truth: list) -> None:
    """`- [Title](url) [Venue Year]` with nested authors/code lines, under `### Year` headings."""
    year = 0
    for p in sorted(papers, key=lambda q: -q.year):
        if p.year != year:
            year = p.year
            out.extend((f"### {year}", ""))
        label, url = _entry(rng, p)
        venue = _venue_text(rng, p)
        tag = "[arXiv]" if venue == "arXiv" else f"[{venue} {p.year}]"
        out.append(f"- [{label}]({url}) {tag}")
        truth.append((len(out), p.pid))
        if rng.random() < 0.8:
            out.append(f"  - *authors*: {p.authors}")
        if p.code:
            out.append(f"  - [code]({p.code}) and slide" if rng.random() < 0.5 else f"  - [code]({p.code})")
        elif rng.random() < 0.2:
            out.append("  - ")
    out.append("")


def _write_table(rng: random.Random, papers: Sequence[Paper], out: list[str], truth: list) -> None:
    """`| Title | Venue | Year | Link |` rows, or cells of several `[Short](arxiv), [Venue version](doi)`.

    Why both: the first is the common layout, the second (several papers on one line) is the hard one.
    """
    if rng.random() < 0.3 and len(papers) >= 3:
        out.extend(("| Area | Topic | Approaches |", "|---|---|---|"))
        i = 0
        while i < len(papers):
            size, group = rng.randint(2, 5), []
            while i < len(papers) and len(group) < size and all(q.pid != papers[i].pid for q in group):
                group.append(papers[i])  # a paper at most once per cell: a repeat starts the next row
                i += 1
            parts = []
            for p in group:
                label, url = _entry(rng, p, trap=False)
                part = f"[{label}]({url})"
                if p.venue_url and p.venue_url != url and rng.random() < 0.5:
                    part += f", [{p.venue}'{p.year % 100:02d} version]({p.venue_url})"
                if p.code and rng.random() < 0.3:
                    part += f" ([code]({p.code}))"
                parts.append(part)
            area = f"**{rng.choice(SECTIONS)}**" if rng.random() < 0.4 else ""
            topic = rng.choice(TECHNIQUES).split(" ", 1)[1].title()
            out.append(f"| {area} | **{topic}** | {'; '.join(parts)} |")
            line = len(out)
            truth.extend((line, p.pid) for p in group)
        out.append("")
        return
    out.extend(("| Title | Venue | Year | Link |", "|-------|-------|------|------|"))
    for p in papers:
        label, url = _entry(rng, p)
        name = "arXiv:" + p.arxiv if "arxiv" in url else rng.choice(("Paper", "Link", p.venue))
        link = f"[{name}]({url})"
        if p.code and rng.random() < 0.4:
            link += f" [code]({p.code})"
        out.append(f"| {label} | {_venue_text(rng, p)} | {p.year} | {link} |")
        truth.append((len(out), p.pid))
    out.append("")


_HTML_HEAD = (
    "<table>",
    "<colgroup>",
    '<col style="width: 63%" />',
    '<col style="width: 9%" />',
    '<col style="width: 9%" />',
    '<col style="width: 18%" />',
    "</colgroup>",
    "<thead>",
    '<tr class="header">',
    "<th>Title</th>",
    "<th>Venue</th>",
    "<th>Year</th>",
    "<th>GitHub</th>",
    "</tr>",
    "</thead>",
    "<tbody>",
)


def _html_row(rng: random.Random, p: Paper, parity: int) -> list[str]:
    """One pandoc-style `<tr>`, the title line first after `<tr>`; render once, reuse across versions."""
    label, url = _entry(rng, p)
    if p.code:
        repo = p.code.removeprefix("https://github.com/")
        stars = (
            f'<td><img src="https://img.shields.io/github/stars/{repo}" alt="GitHub Repo stars" '
            'style="vertical-align: middle; width: auto; height: auto;"/></td>'
        )
        code = [stars]
    else:
        code = ["<td><ul>", "<li></li>", "</ul></td>"]
    return [
        f'<tr class="{"odd" if parity else "even"}">',
        f'<td><strong><a href="{html.escape(url)}">{html.escape(label)}</a></strong> </td>',
        f"<td>{html.escape(_venue_text(rng, p))}</td>",
        f"<td>{p.year}-{p.month:02d}</td>",
        *code,
        "</tr>",
    ]


def _write_html(rng: random.Random, papers: Sequence[Paper], out: list[str], truth: list) -> None:
    """A raw HTML `<table>` block as pandoc writes it (one cell per line)."""
    out.extend(_HTML_HEAD)
    for i, p in enumerate(papers):
        row = _html_row(rng, p, i % 2 == 0)
        truth.append((len(out) + 2, p.pid))
        out.extend(row)
    out.extend(("</tbody>", "</table>", ""))


def _write_headings(rng: random.Random, papers: Sequence[Paper], out: list[str], truth: list) -> None:
    """`#### [Title](url) *Mon YYYY Venue*`, then an authors paragraph."""
    for p in papers:
        label, url = _entry(rng, p)
        venue = _venue_text(rng, p)
        sep = "  " if rng.random() < 0.2 else " "
        out.append(f"#### [{label}]({url}){sep}*{MONTHS[p.month - 1]} {p.year} {venue}*")
        truth.append((len(out), p.pid))
        out.extend(("", p.authors, ""))


def _write_plain(rng: random.Random, papers: Sequence[Paper], out: list[str], truth: list) -> None:
    """`* Title. [[Paper]](url) [[Code]](url)`."""
    for p in papers:
        label, url = _entry(rng, p)
        line = f"* {label.rstrip('.')}. [[Paper]]({url})"
        if p.code:
            line += f" [[Code]]({p.code})"
        out.append(line)
        truth.append((len(out), p.pid))
    out.append("")


_WRITERS = {
    "bullets": _write_bullets,
    "table": _write_table,
    "html": _write_html,
    "headings": _write_headings,
    "plain": _write_plain,
}


def _section_names(n: int) -> list[str]:
    return [
        SECTIONS[i % len(SECTIONS)] + (f" {i // len(SECTIONS) + 1}" if i >= len(SECTIONS) else "")
        for i in range(n)
    ]


def _header(title: str, sections: Sequence[str]) -> list[str]:
    """Badges, intro and table of contents: links that are not entries, as in every real list."""
    lines = [
        f"# {title} [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "[![License: MIT](https://img.shields.io/badge/License-MIT-green.svg)](https://opensource.org/licenses/MIT)",
        "",
        "A curated list of papers on federated learning and foundation models. Pull requests welcome.",
        "",
        "## Contents",
        "",
    ]
    lines.extend(f"- [{s}](#{_slug(s)})" for s in sections)
    lines.append("")
    return lines


def _footer(repo: str) -> list[str]:
    return [
        "## Contributing",
        "",
        f"See [CONTRIBUTING](https://github.com/{repo}/blob/main/CONTRIBUTING.md) before a pull request.",
        "",
        "## Star History",
        "",
        f"[![Star History Chart](https://api.star-history.com/svg?repos={repo}&type=Date)]"
        f"(https://star-history.com/#{repo}&Date)",
        "",
    ]


def _write_list(
    path: Path, pool: Sequence[Paper], picks: np.ndarray, sections: np.ndarray, seed: int, index: int
) -> list[tuple[int, str]]:
    """Write one list: papers `pool[picks[k]]` in section `sections[k]`; returns its truth rows."""
    rng = random.Random(f"list:{seed}:{index}")
    n_sec = int(sections.max()) + 1 if len(sections) else 1
    names = _section_names(n_sec)
    primary = FORMATS[index % len(FORMATS)]
    out = _header(f"Awesome Federated Foundation Models {index + 1}", names)
    truth: list[tuple[int, str]] = []
    order = np.argsort(sections, kind="stable")
    bounds = np.searchsorted(sections[order], np.arange(n_sec + 1))
    for s in range(n_sec):
        members = [pool[j] for j in picks[order[bounds[s] : bounds[s + 1]]]]
        out.extend((f"## {names[s]}", ""))
        if not members:
            continue
        fmt = primary if rng.random() < 0.7 else rng.choice(FORMATS)
        _WRITERS[fmt](rng, members, out, truth)
    out.extend(_footer(f"owner{index}/awesome-fl-{index}"))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return truth


def _write_truth(out_dir: Path, rows: list[tuple[str, int, str]], pool: Sequence[Paper]) -> None:
    with (out_dir / TRUTH_NAME).open("w", encoding="utf-8", newline="") as f:
        f.write("source,line,paper_id\n")
        f.writelines(f"{s},{line},{pid}\n" for s, line, pid in rows)
    with (out_dir / PAPERS_NAME).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            (
                "paper_id",
                "arxiv_id",
                "doi",
                "openreview_id",
                "neurips_hash",
                "venue",
                "year",
                "trap",
                "short_name",
                "title",
            )
        )
        w.writerows(
            (p.pid, p.arxiv, p.doi, p.openreview, p.neurips_hash, p.venue, p.year, p.trap, p.short, p.title)
            for p in pool
        )


def generate(
    out_dir: Path, n_entries: int, seed: int = 0, n_lists: int | None = None, hard: bool = False
) -> Path:
    """Write about `n_entries` entries (exactly that many truth rows) in `n_lists` lists; returns out_dir.

    Default: at least 4 lists, else about 10k entries per list. Each list holds ~95% distinct papers drawn
    by popularity from a shared pool (so papers recur across lists) and ~5% repeats in another section.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if n_lists is None:
        n_lists = max(4, round(n_entries / ENTRIES_PER_LIST))
    n_lists = max(1, min(n_lists, n_entries))
    sizes = [n_entries // n_lists + (1 if i < n_entries % n_lists else 0) for i in range(n_lists)]
    distinct = [max(1, round(k * 0.95)) for k in sizes]
    n_pool = max(n_entries // 5, int(max(distinct) * 1.3) + 10)
    pool = make_pool(random.Random(f"pool:{seed}"), n_pool, hard)
    weights = np.random.default_rng([seed, 1_000_003]).lognormal(0.0, 1.0, n_pool)
    for j, p in enumerate(pool):  # traps only test something if both sides are listed
        if p.trap:
            weights[j] = max(weights[j], 2.0)
    rows: list[tuple[str, int, str]] = []
    width = max(3, len(str(n_lists)))
    for i, (k, d) in enumerate(zip(sizes, distinct, strict=True)):
        nrng = np.random.default_rng([seed, i])
        keys = np.log(nrng.random(n_pool)) / weights  # Efraimidis-Spirakis: weighted, without replacement
        picks = np.sort(np.argpartition(-keys, d - 1)[:d]) if d < n_pool else np.arange(n_pool)
        n_sec = max(1, min(5, k // 20), k // 150)
        sections = nrng.integers(0, n_sec, size=len(picks))
        if k > d:  # the same paper again, in another section
            again = nrng.integers(0, len(picks), size=k - d)
            shift = nrng.integers(1, n_sec, size=k - d) if n_sec > 1 else np.zeros(k - d, dtype=np.int64)
            picks = np.concatenate((picks, picks[again]))
            sections = np.concatenate((sections, (sections[again] + shift) % n_sec))
        name = f"awesome-list-{i + 1:0{width}d}.md"
        truth = _write_list(out_dir / name, pool, picks, sections, seed, i)
        rows.extend((name, line, pid) for line, pid in truth)
    _write_truth(out_dir, rows, pool)
    return out_dir


# --- history: one large table list in many versions -----------------------------------------------

_VERSION_TREE = (
    ("## Efficiency", "### Parameter-Efficient Fine-Tuning", "#### Selective Tuning"),
    ("#### Adapter Tuning",),
    ("#### Prompt Tuning",),
    ("#### Reparameterization-Based",),
    ("### Model Compression", "#### Knowledge Distillation"),
    ("#### Sparsification",),
    ("#### Quantization",),
    ("### Heterogeneous Resource", "#### Lora"),
    ("#### Split Learning",),
    ("### Zeroth-Order Optimization",),
    ("## Adaptability", "### Domain-Centric Adaptation", "#### Multi-Domain Adaptation"),
    ("### Client-Centric Adaptation", "#### Personalization"),
    ("#### Clustering",),
    ("## Trustworthiness", "### Privacy Preservation", "#### Privacy Attack"),
    ("#### Privacy-Preserving Techniques",),
    ("### Attack Robustness", "#### Poisoning Attack"),
    ("## Application", "### Multilingualism"),
    ("### Recommendation Systems",),
    ("### Domain Specific",),
    ("## Resources", "### Surveys"),
    ("### Frameworks",),
)


def _version_intro(sections: Sequence[Sequence[object]]) -> list[str]:
    """Badges, the survey to cite and an HTML table of contents whose counts change with every version."""
    lines = [
        "# \U0001f60eAwesome Foundation Models and Federated Learning",
        "",
        '<div align="center">',
        '<a href="https://arxiv.org/pdf/2406.12844.pdf">',
        '    <img alt="arXiv" src="https://img.shields.io/badge/arXiv-2406.12844-red?logo=arxiv&style=flat-square"/>',
        "</a>",
        '<a href="https://github.com/lishenghui/awesome-fm-fl">',
        '    <img alt="Build" src="https://img.shields.io/github/last-commit/lishenghui/awesome-fm-fl"/>',
        "</a>",
        "</div>",
        "",
        "This repository is primarily based on our survey paper:",
        "",
        '<div align="center">',
        '     <strong><a href="https://arxiv.org/abs/2406.12844"> Synergizing Foundation Models and '
        "Federated Learning: A Survey </a></strong>",
        "</div>",
        "",
        "    @misc{li2024synergizing,",
        "          title={Synergizing Foundation Models and Federated Learning: A Survey},",
        "          year={2024}, eprint={2406.12844}, archivePrefix={arXiv}",
        "    }",
        "",
        '<div class="contents collapsible" depth="3" local="">',
        "<strong>Table of Contents</strong>",
        "<ul>",
    ]
    for heads, members in zip(_VERSION_TREE, sections, strict=True):
        name = heads[-1].lstrip("# ")
        lines.append(f'<li><a href="#{_slug(name)}-{len(members)}">{name} ({len(members)})</a></li>')
    lines.extend(("</ul>", "</div>", "", "---", ""))
    return lines


_MD_HEAD = ("| Title | Venue | Year | Link |", "|---|---|---|---|")


def _markdown_row(rng: random.Random, p: Paper) -> list[str]:
    """`| Title | Venue | Year | Link |` with a stars badge, for the Markdown-table history."""
    label, url = _entry(rng, p)
    link = f"[{'arXiv' if 'arxiv' in url.lower() else 'Paper'}]({url})"
    if p.code:
        repo = p.code.removeprefix("https://github.com/")
        link += f" [![Stars](https://img.shields.io/github/stars/{repo}?style=social)]({p.code})"
    return [f"| {label} | {_venue_text(rng, p)} | {p.year}-{p.month:02d} | {link} |"]


def generate_versions(
    out_dir: Path, n_versions: int = 40, entries_per_version: int = 1200, seed: int = 0, layout: str = "html"
) -> Path:
    """One large table list (like lishenghui/awesome-fm-fl) in `n_versions` historical snapshots.

    Each version removes a few papers, adds a few more at the top of a section (newest first) and re-renders
    a couple of rows (a fixed typo, a new link); every other row stays byte-identical, except that the
    odd/even classes after an insertion flip, as pandoc writes them. `layout`: "html" (pandoc `<table>`
    blocks, as that list is) or "markdown" (`| Title | Venue | Year | Link |` tables). Defaults (html):
    ~0.43 MB per version, ~47k entries, ~2.6k distinct papers.
    """
    if layout not in ("html", "markdown"):
        raise ValueError(f"layout must be 'html' or 'markdown', not {layout!r}")
    html_layout = layout == "html"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"versions:{seed}")
    start = max(1, int(entries_per_version * 0.9))
    n_add = max(1, entries_per_version // 30)
    growth = max(0, round(entries_per_version * 0.16 / max(1, n_versions)))
    n_remove = max(0, n_add - growth)
    pool = make_pool(random.Random(f"versions-pool:{seed}"), start + n_add * max(0, n_versions - 1))
    for p in pool:  # a curated list: most rows show a stars badge
        if not p.code and rng.random() < 0.5:
            p.code = f"https://github.com/{p.authors.split(', ')[0].split()[-1].lower()}/{p.short or 'code'}"
    n_sec = len(_VERSION_TREE)
    # section -> list of (paper, rendered row: its lines after <tr>, title line first); newest first
    sections: list[list[tuple[Paper, list[str]]]] = [[] for _ in range(n_sec)]
    next_paper = 0

    def render(p: Paper) -> list[str]:
        return _html_row(rng, p, 0)[1:] if html_layout else _markdown_row(rng, p)

    def add(p: Paper, top: bool) -> None:
        s = rng.randrange(n_sec)
        item = (p, render(p))
        if top:
            sections[s].insert(0, item)
        else:
            sections[s].append(item)

    for p in sorted(pool[:start], key=lambda q: (-q.year, -q.month)):
        add(p, top=False)
    next_paper = start
    rows: list[tuple[str, int, str]] = []
    width = max(3, len(str(n_versions)))
    for v in range(n_versions):
        if v:
            for _ in range(n_remove):
                s = rng.choice([i for i in range(n_sec) if sections[i]])
                sections[s].pop(rng.randrange(len(sections[s])))
            for _ in range(n_add):
                if next_paper < len(pool):
                    add(pool[next_paper], top=True)
                    next_paper += 1
            for _ in range(2):
                s = rng.choice([i for i in range(n_sec) if sections[i]])
                k = rng.randrange(len(sections[s]))
                p = sections[s][k][0]
                sections[s][k] = (p, render(p))
        out = _version_intro(sections)
        for heads, members in zip(_VERSION_TREE, sections, strict=True):
            for head in heads[:-1]:
                out.extend((head, ""))
            out.extend((f"{heads[-1]} ({len(members)})", ""))
            out.extend(_HTML_HEAD if html_layout else _MD_HEAD)
            for i, (p, row) in enumerate(members):
                if html_layout:
                    out.append(f'<tr class="{"odd" if i % 2 == 0 else "even"}">')
                rows.append((f"awesome-fm-fl-v{v + 1:0{width}d}.md", len(out) + 1, p.pid))
                out.extend(row)
            out.extend(("</tbody>", "</table>", "") if html_layout else ("",))
        out.extend(_footer("lishenghui/awesome-fm-fl"))
        (out_dir / f"awesome-fm-fl-v{v + 1:0{width}d}.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    _write_truth(out_dir, rows, pool)
    return out_dir


# --- self-check -----------------------------------------------------------------------------------


def read_papers(corpus_dir: Path) -> dict[str, tuple[str, ...]]:
    """paper_id -> the identifiers that a link to it contains (arXiv id, DOI, OpenReview id, NeurIPS hash)."""
    with (Path(corpus_dir) / PAPERS_NAME).open(encoding="utf-8", newline="") as f:
        keys = ("arxiv_id", "doi", "openreview_id", "neurips_hash")
        return {r["paper_id"]: tuple(r[k] for k in keys if r[k]) for r in csv.DictReader(f)}


def check_corpus(corpus_dir: Path) -> list[str]:
    """Problems found: each truth line must hold a link of its paper, several per line in their order."""
    ids = read_papers(corpus_dir)
    files: dict[str, list[str]] = {}
    problems: list[str] = []
    last: tuple[str, int, int] = ("", 0, -1)
    with (Path(corpus_dir) / TRUTH_NAME).open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            source, line, pid = r["source"], int(r["line"]), r["paper_id"]
            if source not in files:
                files[source] = (Path(corpus_dir) / source).read_text(encoding="utf-8").split("\n")
            text = files[source][line - 1] if 0 < line <= len(files[source]) else ""
            found = [text.find(x) for x in ids.get(pid, ()) if x in text]
            if not found:
                problems.append(f"{source}:{line}: no link of {pid} in {text[:100]!r}")
                continue
            pos = min(found)
            if (source, line) == last[:2] and pos <= last[2]:
                problems.append(f"{source}:{line}: {pid} is not after the previous entry of the line")
            last = (source, line, pos)
    return problems


def _self_check() -> int:
    """Generate 2k entries (and a small history) and verify truth, counts and determinism."""
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "a"), Path(tmp, "b")
        t0 = time.perf_counter()
        generate(a, 2000, seed=7)
        elapsed = time.perf_counter() - t0
        generate(b, 2000, seed=7)
        n_rows = sum(1 for _ in (a / TRUTH_NAME).open()) - 1
        if n_rows != 2000:
            failures.append(f"truth has {n_rows} rows, expected 2000")
        failures += check_corpus(a)
        for f in sorted(a.iterdir()):
            if f.read_bytes() != (b / f.name).read_bytes():
                failures.append(f"{f.name} differs between two runs with the same seed")
        lists = sorted(a.glob("*.md"))
        for layout in ("html", "markdown"):
            v = generate_versions(Path(tmp, layout), 3, entries_per_version=200, seed=7, layout=layout)
            failures += check_corpus(v)
    for msg in failures[:20]:
        print("FAIL", msg)
    print(
        f"generated 2000 entries in {len(lists)} lists in {elapsed:.2f}s; "
        f"{'OK' if not failures else f'{len(failures)} problem(s)'}"
    )
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", nargs="?", type=Path, help="where to write lists, truth.csv and papers.csv")
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--lists", type=int, default=None, help="list files (default: ~10k entries each)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layout", choices=("html", "markdown"), default="html", help="tables of --versions")
    ap.add_argument(
        "--versions",
        type=int,
        default=0,
        metavar="N",
        help="write the history case instead: N versions of one list",
    )
    ap.add_argument("--hard-traps", action="store_true", help="add traps the matcher has no guard for")
    ap.add_argument("--check", action="store_true", help="self-check the generator and exit")
    args = ap.parse_args(argv)
    if args.check:
        return _self_check()
    if args.out_dir is None:
        ap.error("out_dir is required unless --check")
    t0 = time.perf_counter()
    if args.versions:
        generate_versions(args.out_dir, n_versions=args.versions, seed=args.seed, layout=args.layout)
    else:
        generate(args.out_dir, args.entries, seed=args.seed, n_lists=args.lists, hard=args.hard_traps)
    size = sum(f.stat().st_size for f in args.out_dir.glob("*.md"))
    print(f"wrote {args.out_dir} ({size / 1e6:.1f} MB of lists) in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
