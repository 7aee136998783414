"""The words the reader recognises, each vocabulary stated once.

Nothing here belongs to one field or one list: these are the words paper lists of any field use for a
link's role, a venue, a kind of entry, or a section that holds no entries. Field-specific names belong in a
project's config, not here.
"""

from __future__ import annotations

import re

from ..preprints import PREPRINT_WORDS

# A link labelled with one of these words is another copy of the entry's paper, never a title.
VERSION_WORDS = (
    r"paper|papers|pdf|pub|publication|arxiv(?:[:\s.]*[\w./-]*)?|preprint|abs|abstract|link|links|url|html|"
    r"doi(?::\s*\S+)?|openreview|proceedings|publisher|published|version|poster|oral|spotlight|"
    r"camera[- ]ready|full[- ]text|journal|conference|extended|acm|ieee|springer|semantic\s*scholar|"
    r"papers\s*with\s*code|pwc|docs?|documentation|here|download|read|online|ebook|book|free|article"
)
# A link labelled with one of these words is the entry's code.
CODE_WORDS = (
    r"code|codes|github|gitlab|repo|repository|implementation|source(?:\s+code)?|pytorch|tensorflow|tf|"
    r"torch|jax|keras|caffe|matlab|official\s+code|unofficial\s+code|pytorch\s+code|tensorflow\s+code"
)
# A link labelled with one of these words is material about the entry: neither its paper nor its code.
EXTRA_WORDS = (
    r"slides?|video|videos|talk|blog|website|web|homepage|home\s*page|project(?:\s+page)?|page|demo|"
    r"dataset|datasets|data|bibtex|bib|cite|citation|zhihu|twitter|tweet|youtube|model|models|weights|"
    r"checkpoints?|huggingface|hf|leaderboard|benchmark\s+page|supp(?:lementary)?|appendix|review|reviews|"
    r"poster\s+pdf|colab|notebook|media|news|press|summary|notes|report|website\s+link|coming\s+soon|"
    r"comming\s+soon|tbd|todo|n/?a|"
    # the same roles in Chinese: an official site, a write-up about the work, its news, its video
    r"官网(?:链接)?|官方网站|主页|项目主页|(?:中文)?解读|博客|新闻|报道|视频|讲解|知乎|公众号|简介|中文简介"
)

# Hosts whose pages are commentary on a work (a blog, a news or social post, a video), never the work: a
# link there after an entry's own link is one of that entry's other links, not an entry. A host matches
# itself and its subdomains.
COMMENTARY_HOSTS = (
    "mp.weixin.qq.com",
    "zhihu.com",
    "csdn.net",
    "cloud.tencent.com",
    "jiqizhixin.com",
    "qbitai.com",
    "juejin.cn",
    "jianshu.com",
    "cnblogs.com",
    "bilibili.com",
    "weibo.com",
    "medium.com",
    "towardsdatascience.com",
    "substack.com",
    "blogspot.com",
    "wordpress.com",
    "twitter.com",
    "x.com",
    "threads.net",
    "linkedin.com",
    "facebook.com",
    "reddit.com",
    "news.ycombinator.com",
    "youtube.com",
    "youtu.be",
    "vimeo.com",
)

# A repository whose name says it is a list of papers (`CV-Surveys`, `awesome-x`, `ECCV2024-Papers`): a link
# to it points at another list, never at an entry.
OTHER_LIST_REPOSITORY = re.compile(
    r"(?:^|[-_.])(?:awesome|papers?[-_]?lists?|reading[-_]?lists?|surveys|papers(?:[-_]with[-_]code)?)"
    r"(?:$|[-_.])",
    re.I,
)

# Hosts and path prefixes whose pages are one paper's record: a link there is the paper whatever its label.
SCHOLARLY_RECORD_PAGES = (
    ("openaccess.thecvf.com", "/content"),
    ("ecva.net", "/papers/"),
    ("link.springer.com", "/"),
    ("dl.acm.org", "/doi/"),
    ("nature.com", "/articles/"),
    ("sciencedirect.com", "/science/article/"),
    ("ijcai.org", "/proceedings/"),
    ("papers.nips.cc", "/paper"),
    ("proceedings.neurips.cc", "/paper"),
    ("proceedings.mlr.press", "/v"),
    ("aclanthology.org", "/"),
    ("ojs.aaai.org", "/index.php/"),
    ("ieeexplore.ieee.org", "/document/"),
    ("ieeexplore.ieee.org", "/abstract/document/"),
    ("pubmed.ncbi.nlm.nih.gov", "/"),
    ("ncbi.nlm.nih.gov", "/pmc/articles/"),
    ("semanticscholar.org", "/paper/"),
)
# Venue words: a short text made of these and years names a venue (`NeurIPS 2023`, `ICLR'24`).
VENUE_WORDS = (
    "neurips|nips|icml|iclr|aaai|ijcai|cvpr|iccv|eccv|wacv|acl|emnlp|naacl|eacl|coling|findings|kdd|www|"
    "sigir|cikm|wsdm|icde|vldb|sigmod|mlsys|osdi|sosp|nsdi|usenix|atc|infocom|mobicom|mobisys|sensys|"
    "icassp|interspeech|tmlr|jmlr|tpami|tnnls|tkde|tmc|ton|tpds|tifs|tdsc|jsac|tip|tog|tvcg|ijcv|pami|"
    "arxiv|openreview|uai|aistats|colt|icdm|sdm|ecml|pkdd|iswc|recsys|mm|acm|ieee|springer|elsevier|"
    "nature|science|ccs|s&p|ndss|security|euro|globecom|icc|wcnc|ijcnn|icpr|icip|miccai|isbi|bmvc|accv|"
    "iros|icra|corl|rss|siggraph|eurographics|3dv|chi|uist|www|wsdm|lrec|tacl|cl|naacl-hlt|hlt|icme|"
    "fl|fl-icml|fl-neurips|workshop|workshops|conference|symposium|journal|transactions|trans|letters|"
    "magazine|proceedings|international|annual|on|of|the|and|in|for|track|main|short|long|demo|oral|"
    "poster|spotlight|version|press|book|thesis|tech|report|" + "|".join(PREPRINT_WORDS)
)
# Words that stand for "not yet published": they give no venue of their own (`Preprint'24` is a year only).
NO_VENUE_WORDS = frozenset({"preprint", "tbd", "unpublished", "under review", "submitted", "working paper"})

# Head nouns of headings and table headers that say what kind of entry they hold (`Datasets`, `Video
# Lectures / Tutorials / Blogs`). A heading states a kind only when each of its parts ends in one of these,
# so `Image / Video / Etc` or `Video Captioning` states none.
KIND_NOUNS: dict[str, str] = {
    **dict.fromkeys(("benchmark", "leaderboard", "testbed"), "benchmark"),
    **dict.fromkeys(("dataset", "data", "corpus", "corpora", "database"), "dataset"),
    **dict.fromkeys(
        (
            "tool",
            "toolkit",
            "toolbox",
            "software",
            "library",
            "libraries",
            "framework",
            "package",
            "course",
            "lecture",
            "video",
            "talk",
            "tutorial",
            "blog",
            "post",
            "website",
            "site",
            "platform",
            "demo",
            "podcast",
            "newsletter",
            "slide",
            "mooc",
            "app",
            "implementation",
            "codebase",
            "repository",
            "repositories",
            "resource",
        ),
        "tool",
    ),
    **dict.fromkeys(
        ("paper", "book", "survey", "review", "publication", "article", "thesis", "theses"), "paper"
    ),
}
# Kind nouns that, in the singular, name a research topic (`Video`, `Heterogeneous Resource`,
# `Federated Framework`) rather than a shelf of such things: they state a kind only in the plural.
TOPIC_KIND_NOUNS = frozenset({"video", "resource", "framework", "platform", "app", "implementation", "demo"})
# Parts of a heading that say nothing of kind (`Tools & Misc`, `Papers etc`).
KIND_FILLER = frozenset(
    {"etc", "misc", "miscellaneous", "other", "others", "more", "related", "useful", "and"}
)

# Sections whose links are not entries: people, venues, other lists, the list's own housekeeping.
NOT_ENTRY_SECTION = re.compile(
    r"^(?:\W*)(?:researchers?|people|authors|contributors?|maintainers?|team|community|"
    r"conferences?(?: and workshops?)?|venues?|journals?|workshops?|events?|meetups?|"
    r"(?:other |related |similar )?(?:awesome )?(?:lists?|repositories|repos|resources lists?)|"
    r"related (?:awesome )?lists?|other awesome lists?|license|licence|citation|cite|how to cite|"
    r"contributing|contribute|contact|acknowledge?ments?|star history|table of contents|contents|toc|"
    r"news|updates?|latest updates?|changelog|change log|announcements?|what'?s new|todo|to do)\b"
    r"(?:\W*)$",
    re.I,
)

# Of those, the names a list may also give to a section of papers sorted by where they appeared
# (`#### Conference`, `#### Journal`): the section's own entries decide.
VENUE_SECTION = re.compile(
    r"^(?:\W*)(?:conferences?(?: and workshops?)?|venues?|journals?|workshops?)\b(?:\W*)$", re.I
)

# Titles that announce a benchmark or a dataset by their own words.
BENCHMARK_TITLE = re.compile(
    r"(?:^|[:\-–—]\s*|\b(?:a|an|the|new|unified|comprehensive|large-scale)\s+(?:[\w-]+\s+){0,3})"
    r"benchmark(?:s)?\b(?!\s+(?:study|studies|analysis|results|evaluation))|benchmark\W*$|(?-i:\w+Bench\b|\bBench\b)",
    re.I,
)
# Titles that name software by its own words.
TOOL_TITLE = re.compile(r"\b(?:library|toolkit|toolbox|python package|open[- ]source software)\b", re.I)
DATASET_TITLE = re.compile(r"\b(?:dataset|data set|corpus)\b", re.I)

# Link text that points at another list, not at an entry.
OTHER_LIST_TEXT = re.compile(r"\bawesome\b|\bpapers? ?list\b|\breading list\b", re.I)
