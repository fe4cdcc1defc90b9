"""Ingestion quality on real saved pages: Dateline against trafilatura + htmldate.

Run by scripts/eval-ingest.sh, which prepares everything this reads:

    compare.py STAGING DATELINE_CHECK [--verbose]

STAGING holds `pages/<set>/<name>/<name>.html` for each page set (`readability`,
`newspaper4k`) and `expected-<set>.json` (name -> {"title", "date", "body"}); DATELINE_CHECK is
the `dateline-check` binary, run with --json on each page's folder, so that each page is
ingested on its own, as trafilatura reads it (in one folder, pages with the same text, as some
of Readability's test pages are, would be merged). This prints, per page set and overall:

- dates: of the pages that state a publication date, how many each system dated right, wrong
  (a date, not the expected day), or not at all; and how many other pages it gave a date
  ("other": the reference states none, so these cannot be judged here);
- titles: how many equal the expected title (case, quotes, dashes and spacing aside, and a
  site's name one of the two adds behind a separator);
- body: (Dateline's paragraphs and captions) precision and recall on snippets that must be in the text (words from each expected
  paragraph) and snippets that must not (text of the page's other blocks), and their F1.

A benchmark that prints figures, not a test: the expectations are another library's output
(Mozilla Readability for the first set, newspaper4k for the second), a strong reference but not
the truth. Dateline's date is its local calendar day; htmldate is asked for the original
(publication) date, trafilatura for the main text with its default settings.
"""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import htmldate
import trafilatura
from lxml import html as lxml_html

SNIPPETS_PER_PAGE = 12
SNIPPET_WORDS = 7


def fold(text):
    """Lower case, NFKC, straight quotes and hyphens, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[\u2018\u2019\u02bc`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u00ab\u00bb\u201e]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def block_texts(tree):
    """The text of every block-level element that holds text directly, in order."""
    blocks = []
    for el in tree.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th",
                        "dd", "dt", "figcaption", "pre", "div", "span", "a"):
        own = " ".join(
            t for t in [el.text] + [c.tail for c in el] if t and t.strip()
        ).strip()
        if el.tag in ("div", "span", "a") and len(own.split()) < 4:
            continue
        text = " ".join(el.text_content().split()) if el.tag not in ("div", "span", "a") else own
        if text:
            blocks.append(text)
    return blocks


def spread(items, count):
    """At most `count` items, evenly spread."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def middle_words(text, words=SNIPPET_WORDS):
    w = text.split()
    start = max(0, (len(w) - words) // 2)
    return " ".join(w[start:start + words])


def snippets(page_html, expected_body):
    """(must, must_not): folded snippets of the expected body, and of the page outside it."""
    body_paragraphs = [p for p in expected_body if len(p.split()) >= 5]
    must = [fold(middle_words(p)) for p in spread(body_paragraphs, SNIPPETS_PER_PAGE)]
    whole_body = fold(" ".join(expected_body))
    tree = lxml_html.fromstring(page_html)
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    outside = []
    seen = set()
    for block in block_texts(tree):
        f = fold(block)
        if len(f.split()) < 3 or f in seen:
            continue
        seen.add(f)
        if f not in whole_body and fold(middle_words(block)) not in whole_body:
            outside.append(f)
    must_not = [middle_words(b) for b in spread(outside, SNIPPETS_PER_PAGE)]
    return [m for m in must if m], [m for m in must_not if m]


def paragraphs_of_html(fragment):
    tree = lxml_html.fromstring(fragment)
    blocks = []
    for el in tree.iter("p", "li", "h2", "h3", "h4", "blockquote", "pre", "td", "figcaption"):
        if any(a.tag in ("p", "li", "blockquote", "td") for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [" ".join(tree.text_content().split())]
    return blocks


SEPARATORS = ("|", "-", "--", "—", "–", "::", "·", "•", "»", "/", ":")


def same_title(got, expected):
    """Equal, or equal but for a site's name one of them adds behind a separator ("How to Build
    a Terrarium | eHow"): the references disagree on whether that is part of the title (Readability
    keeps it, newspaper4k drops it), and the headline is the same either way."""
    got, expected = fold(got), fold(expected)
    if not got or not expected:
        return False
    if got == expected:
        return True
    longer, shorter = (got, expected) if len(got) > len(expected) else (expected, got)
    for rest in (longer[len(shorter):] if longer.startswith(shorter) else None,
                 longer[:-len(shorter)] if longer.endswith(shorter) else None):
        if rest is None:
            continue
        rest = rest.strip()
        for sep in SEPARATORS:
            if rest.startswith(sep) or rest.endswith(sep):
                site = rest.strip(sep).strip()
                if 1 <= len(site.split()) <= 6:
                    return True
    return False


class Tally:
    def __init__(self):
        self.dated = self.date_right = self.date_wrong = self.date_none = 0
        self.titled = self.title_right = 0
        self.undated_given = 0
        self.tp = self.fp = self.fn = 0

    def add(self, expected, got, must, must_not):
        if expected.get("date"):
            self.dated += 1
            if not got["date"]:
                self.date_none += 1
            elif got["date"] == expected["date"]:
                self.date_right += 1
            else:
                self.date_wrong += 1
        elif got["date"]:
            self.undated_given += 1
        if expected.get("title"):
            self.titled += 1
            self.title_right += same_title(got["title"], expected["title"])
        body = fold(got["body"])
        found = sum(m in body for m in must)
        self.tp += found
        self.fn += len(must) - found
        self.fp += sum(m in body for m in must_not)

    def row(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (f"{self.date_right:>3} / {self.dated:<3} {self.date_wrong:>5} {self.date_none:>5} "
                f"{self.undated_given:>6}   "
                f"{self.title_right:>3} / {self.titled:<3}   {p:.3f}  {r:.3f}  {f1:.3f}")


def trafilatura_result(page):
    body = trafilatura.extract(page, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(page)
    title = meta.title if meta and meta.title else ""
    date = htmldate.find_date(page, original_date=True, extensive_search=True,
                              outputformat="%Y-%m-%d")
    return {"title": title, "date": date or "", "body": body}


def dateline_result(check, folder):
    """Dateline's reading of the one page in `folder`, and why it was left out, if it was."""
    run = subprocess.run([check, "--json", str(folder)], capture_output=True, text=True)
    report = json.loads(run.stdout) if run.stdout.strip() else {}
    articles = report.get("articles", [])
    if articles:
        a = articles[0]
        got = {
            "title": a["headline"]["value"] or "",
            "date": a["date"]["value"] or "",
            "body": "\n".join(a["body"] + a.get("captions", [])),
            "date_from": a["date"].get("provenance"),
        }
        return got, None
    problems = report.get("problems", [])
    why = next((p.split("left out: ", 1)[1] for p in problems if "left out: " in p), None)
    why = why or "; ".join(problems) or run.stderr.strip()
    return {"title": "", "date": "", "body": ""}, why


def main():
    staging, check = Path(sys.argv[1]), sys.argv[2]
    left_out = {}
    verbose = "--verbose" in sys.argv
    header = (f"{'page set':<14} {'system':<24} {'pages':>5}   {'dates right':>11} {'wrong':>5} "
              f"{'none':>5} {'other':>6}   {'titles':>9}   {'P':>5}  {'R':>5}  {'F1':>5}")
    print(header)
    print("-" * len(header))
    totals = {"dateline": Tally(), "trafilatura+htmldate": Tally()}
    for folder in sorted(p for p in (staging / "pages").iterdir() if p.is_dir()):
        expected_all = json.loads((staging / f"expected-{folder.name}.json").read_text())
        tallies = {"dateline": Tally(), "trafilatura+htmldate": Tally()}
        for name, expected in sorted(expected_all.items()):
            page_bytes = (folder / name / f"{name}.html").read_bytes()
            page = page_bytes.decode("utf-8", errors="replace")
            must, must_not = snippets(page, expected["body"])
            source = f"{folder.name}/{name}.html"
            mine, why = dateline_result(check, folder / name)
            if why:
                left_out[source] = why
            theirs = trafilatura_result(page_bytes)
            for system, got in (("dateline", mine), ("trafilatura+htmldate", theirs)):
                tallies[system].add(expected, got, must, must_not)
                totals[system].add(expected, got, must, must_not)
            if verbose and expected.get("date") and mine["date"] != expected["date"]:
                print(f"  date {source}: expected {expected['date']}, dateline {mine['date'] or '-'} "
                      f"({mine.get('date_from')}), htmldate {theirs['date'] or '-'}"
                      f"{'  LEFT OUT: ' + left_out[source] if source in left_out else ''}")
            if verbose:
                body = fold(mine["body"])
                for m in must:
                    if m not in body:
                        print(f"  body {source}: missing “{m}”")
                for m in must_not:
                    if m in body:
                        print(f"  body {source}: extra “{m}”")
            if verbose and expected.get("title") and not same_title(mine["title"], expected["title"]):
                print(f"  title {source}: expected {expected['title']!r}, dateline {mine['title']!r}")
        for system, tally in tallies.items():
            print(f"{folder.name:<14} {system:<24} {len(expected_all):>5}   {tally.row()}")
    for system, tally in totals.items():
        print(f"{'all':<14} {system:<24} {'':>5}   {tally.row()}")
    texts = staging / "texts"
    if texts.is_dir():
        files = len(list(texts.glob("*.txt")))
        run = subprocess.run([check, "--json", str(texts)], capture_output=True, text=True)
        report = json.loads(run.stdout) if run.stdout.strip() else {}
        articles = report.get("articles", [])
        inferred = sum("Inferred" in json.dumps(a["headline"]["provenance"]) for a in articles)
        kept = sum(len(a["body"]) > 0 for a in articles)
        merged = sum("same article text" in w for w in report.get("warnings", []))
        print(f"\none-paragraph texts without a headline line: {files} files, "
              f"{len(articles)} articles ({inferred} with the headline inferred from the first "
              f"sentence, {kept} keeping their paragraph), {merged} merged as duplicates, "
              f"{len(report.get('left_out', []))} left out"
              f"{'' if report.get('ok', False) else ' — the corpus was refused'}")
    if left_out:
        print(f"\ndateline left out {len(left_out)} page(s):")
        for source, why in sorted(left_out.items()):
            print(f"  {source}: {why}")


if __name__ == "__main__":
    main()
