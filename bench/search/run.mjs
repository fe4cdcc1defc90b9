// Runs the browser half of the search benchmark in headless Chromium and prints its tables.
// Expects `search-bench --emit target/bench-web/data` and the wasm package in
// target/bench-web/pkg (scripts/bench-search.sh does both). Usage: node bench/search/run.mjs [sizes]
import { resolve } from "node:path";
import { serve } from "../../e2e/support/server.mjs";
import { launch } from "../../e2e/support/browser.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const f = (ms) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(0));

const server = await serve({ root: ROOT, mount: "/", isolated: true });
const browser = await launch();
const rows = [];
try {
  for (const size of sizes) {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}bench/search/index.html`);
    await page.waitForFunction(() => window.benchReady, null, { timeout: 30_000 });
    rows.push(await page.evaluate((s) => window.runBench(s), size));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nIn headless Chromium (${rows[0]?.crossOriginIsolated ? "5 µs timer" : "coarse timer"}), same page, same articles, same queries\n`);
console.log("| articles | engine | index ready | p50 | p95 | p99 |");
console.log("|---:|---|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.size} | Dateline (wasm) | ${f(r.datelineReadyMs)} ms decode (+${f(r.datelineCorpusMs)} ms corpus, +${f(r.datelineTypoAutomataMs)} ms typo automata on first typo) | ${f(r.dateline.all.p50)} | ${f(r.dateline.all.p95)} | ${f(r.dateline.all.p99)} |`);
  console.log(`| ${r.size} | MiniSearch 7.2 (prefix + fuzzy 0.2) | ${f(r.miniBuildMs)} ms build | ${f(r.mini.all.p50)} | ${f(r.mini.all.p95)} | ${f(r.mini.all.p99)} |`);
  console.log(`| ${r.size} | FlexSearch 0.8 (forward) | ${f(r.flexBuildMs)} ms build | ${f(r.flex.all.p50)} | ${f(r.flex.all.p95)} | ${f(r.flex.all.p99)} |`);
}
console.log("\nBy query kind, p95 in ms (Dateline / MiniSearch / FlexSearch)\n");
const kinds = Object.keys(rows[0]?.dateline.byKind ?? {});
console.log(`| articles | ${kinds.join(" | ")} |`);
console.log(`|---:|${kinds.map(() => "---:|").join("")}`);
for (const r of rows) {
  const cells = kinds.map((k) => `${f(r.dateline.byKind[k].p95)} / ${f(r.mini.byKind[k].p95)} / ${f(r.flex.byKind[k].p95)}`);
  console.log(`| ${r.size} | ${cells.join(" | ")} |`);
}
console.log("\nDateline on the first pass, article text still packed (a first search in the app): p50 / p95 in ms\n");
console.log(`| articles | ${kinds.join(" | ")} |`);
console.log(`|---:|${kinds.map(() => "---:|").join("")}`);
for (const r of rows) {
  console.log(`| ${r.size} | ${kinds.map((k) => `${f(r.dateline.first[k].p50)} / ${f(r.dateline.first[k].p95)}`).join(" | ")} |`);
}
console.log("\nTargets at 10k (wasm): p95 < 2 ms; p95 ≤ FlexSearch's; p95 ≤ 1/20 of MiniSearch's; ready ≤ 1/20 of FlexSearch's build\n");
for (const r of rows) {
  const p95 = r.dateline.all.p95;
  console.log(
    `${r.size}: p95 ${f(p95)} ms; vs FlexSearch p95 ${f(r.flex.all.p95)} ms; MiniSearch p95 / ours = ${(r.mini.all.p95 / p95).toFixed(1)}×; ` +
      `FlexSearch build / our ready = ${(r.flexBuildMs / r.datelineReadyMs).toFixed(0)}×; top-10 overlap with MiniSearch on plain words ${(100 * r.top10Overlap).toFixed(0)} %`,
  );
}
