"""Stages the real pages for scripts/eval-ingest.sh, outside the repository's tracked files.

    stage.py STAGING REALPAGES [NEWSPAPER4K_TESTS_DATA]

Writes STAGING/pages/readability/ from the shared Readability test pages (REALPAGES, each folder's
source.html, expected-metadata.json and expected.html) and, when given,
STAGING/pages/newspaper4k/ from newspaper4k's sdist (tests/data/html/<name>.html with tests/data/metadata/<name>.json): the
pages as <name>/<name>.html (a folder each, so that each is ingested on its own), and STAGING/expected-<set>.json with each page's title, publication day (the local
date of the timestamp, as the page states it) and body paragraphs.
"""

import json
import shutil
import sys
from pathlib import Path

from compare import paragraphs_of_html


def readability(src, dst):
    expected = {}
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        meta_path, body_path = folder / "expected-metadata.json", folder / "expected.html"
        if not (folder / "source.html").exists() or not meta_path.exists() or not body_path.exists():
            continue
        meta = json.loads(meta_path.read_text())
        (dst / folder.name).mkdir()
        shutil.copyfile(folder / "source.html", dst / folder.name / f"{folder.name}.html")
        expected[folder.name] = {
            "title": meta.get("title") or "",
            "date": (meta.get("publishedTime") or "")[:10],
            "body": paragraphs_of_html(body_path.read_text(encoding="utf-8", errors="replace")),
        }
    return expected


def newspaper4k(src, dst):
    expected = {}
    for meta_path in sorted((src / "metadata").glob("*.json")):
        page = src / "html" / f"{meta_path.stem}.html"
        if not page.exists():
            continue
        meta = json.loads(meta_path.read_text())
        text = meta.get("text") or ""
        if not text.strip():
            continue
        (dst / meta_path.stem).mkdir()
        shutil.copyfile(page, dst / meta_path.stem / f"{meta_path.stem}.html")
        expected[meta_path.stem] = {
            "title": meta.get("title") or "",
            "date": (meta.get("publish_date") or "")[:10],
            "body": [p.strip() for p in text.split("\n") if p.strip()],
        }
    return expected


def one_paragraph_texts(staging, expected_sets):
    """STAGING/texts/: each reference body as a plain-text story of one paragraph and no
    headline line (at most 150 words, cut after a sentence where there is one), as news
    databases export them."""
    dst = staging / "texts"
    dst.mkdir(parents=True)
    count = 0
    for set_name, expected in expected_sets:
        for name, e in expected.items():
            words = " ".join(e["body"]).split()
            if len(words) < 30:
                continue
            text = " ".join(words[:150])
            cut = max(text.rfind(". "), text.rfind(".\u201d "))
            if cut > len(text) // 2:
                text = text[: cut + 1]
            (dst / f"{set_name}-{name}.txt").write_text(text + "\n")
            count += 1
    print(f"staged {count} one-paragraph texts into {dst}")


def main():
    staging = Path(sys.argv[1])
    sets = [("readability", readability, Path(sys.argv[2]))]
    if len(sys.argv) > 3:
        sets.append(("newspaper4k", newspaper4k, Path(sys.argv[3])))
    shutil.rmtree(staging, ignore_errors=True)
    staged = []
    for name, stage, src in sets:
        dst = staging / "pages" / name
        dst.mkdir(parents=True)
        expected = stage(src, dst)
        (staging / f"expected-{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1))
        print(f"staged {len(expected)} pages from {src} into {dst}")
        staged.append((name, expected))
    one_paragraph_texts(staging, staged)


if __name__ == "__main__":
    main()
