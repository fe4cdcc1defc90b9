// The browser half of the search benchmark: in one page, Dateline's wasm engine loads its
// prebuilt index while MiniSearch and FlexSearch build theirs from the same articles; then all
// three run the same query mix. `window.runBench(size)` returns the figures to run.mjs.
import init, * as dateline from "/target/bench-web/pkg/dateline_bench_wasm.js";
import MiniSearch from "/node_modules/minisearch/dist/es/index.js";
import { Document } from "/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs";

const REPEATS = 5;
const now = () => performance.now();

async function bytes(path) {
  return new Uint8Array(await (await fetch(path)).arrayBuffer());
}

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/**
 * Runs every query once to warm up, then REPEATS times timed; latencies by kind and overall,
 * and by kind for the warm-up pass (`first`: for Dateline, the article text a phrase check reads
 * is still packed then, as on a first search in the app).
 */
function time(queries, run) {
  const first = {};
  for (const q of queries) {
    const t = now();
    run(q);
    (first[q.kind] ??= []).push(now() - t);
  }
  const all = [];
  const byKind = {};
  for (let r = 0; r < REPEATS; r++) {
    for (const q of queries) {
      const t = now();
      run(q);
      const ms = now() - t;
      all.push(ms);
      (byKind[q.kind] ??= []).push(ms);
    }
  }
  return {
    all: percentiles(all),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, percentiles(v)])),
    first: Object.fromEntries(Object.entries(first).map(([k, v]) => [k, percentiles(v)])),
  };
}

window.runBench = async (size) => {
  await init();
  const data = "/target/bench-web/data";
  const [articles, queries, corpusBytes, indexBytes] = await Promise.all([
    fetch(`${data}/articles-${size}.json`).then((r) => r.json()),
    fetch(`${data}/queries-${size}.json`).then((r) => r.json()),
    bytes(`${data}/corpus-${size}.bin`),
    bytes(`${data}/index-${size}.bin`),
  ]);
  const out = { size, crossOriginIsolated: self.crossOriginIsolated };

  // Dateline: the corpus decode is the analogue of the others' JSON parse (not timed for
  // them); "ready" is decoding the prebuilt index and making the searcher.
  let t = now();
  dateline.load_corpus(corpusBytes);
  out.datelineCorpusMs = now() - t;
  t = now();
  dateline.load_index(indexBytes);
  out.datelineReadyMs = now() - t;
  t = now();
  dateline.warm_up();
  out.datelineTypoAutomataMs = now() - t;

  // MiniSearch: prefix + fuzzy, AND, headline boosted as ours is.
  t = now();
  const mini = new MiniSearch({
    fields: ["headline", "body", "outlet", "entities"],
    storeFields: ["entities"],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { headline: 3, entities: 1.5 } },
  });
  mini.addAll(articles);
  out.miniBuildMs = now() - t;

  // FlexSearch: a document index over the same fields, forward tokenisation for prefixes.
  t = now();
  const flex = new Document({
    document: { id: "id", index: ["headline", "body", "outlet", "entities"] },
    tokenize: "forward",
  });
  for (const a of articles) flex.add(a);
  out.flexBuildMs = now() - t;

  const ours = (q) => dateline.search(q.ours, 10);
  const miniRun = (q) => {
    const options = q.person ? { filter: (r) => r.entities.includes(q.person) } : {};
    return mini.search(q.words, options).slice(0, 10).map((r) => r.id);
  };
  const flexRun = (q) => {
    const ids = new Set();
    for (const field of flex.search(q.words, { limit: 100 })) for (const id of field.result) ids.add(id);
    let list = [...ids];
    if (q.person) list = list.filter((id) => articles[id].entities.includes(q.person));
    return list.slice(0, 10);
  };
  out.dateline = time(queries, ours);
  out.mini = time(queries, miniRun);
  out.flex = time(queries, flexRun);

  // Result quality: top-10 overlap with MiniSearch on the plain-word queries.
  const plain = queries.filter((q) => q.kind === "single word" || q.kind === "two words");
  let overlap = 0;
  for (const q of plain) {
    const a = new Set(ours(q));
    const b = miniRun(q);
    const denominator = Math.min(10, Math.max(a.size, b.length)) || 1;
    overlap += b.filter((id) => a.has(id)).length / denominator;
  }
  out.top10Overlap = overlap / plain.length;
  return out;
};
window.benchReady = true;
