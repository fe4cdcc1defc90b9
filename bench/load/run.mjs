// The load benchmark: opens each built page in headless Chromium `runs` times (a fresh browser
// context each time, so nothing is cached) and prints the median, fastest and slowest
// - time to the first timeline paint (the first frame after the first entry is in the DOM: the
//   prerendered first screen's, in a page that has one),
// - time to interactive: a search typed as soon as the box exists has answered (the first
//   frame after the result count changes), both from navigation start;
// the longest main-thread task and the total blocking time (long tasks' time over 50 ms) up to
// half a second after interactive, the wasm file's bytes and each page's figures against the
// first page's; and, after load, the wasm linear memory and the JS heap against the raw text.
// Usage: node bench/load/run.mjs <runs> <label>=<dist dir>:<raw text bytes>:<query> ...
// (scripts/bench-load.sh builds the pages and calls this).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../../e2e/support/server.mjs";
import { launch } from "../../e2e/support/browser.mjs";

const [runsArg, ...pages] = process.argv.slice(2);
const runs = Number(runsArg);
if (!runs || pages.length === 0) {
  console.error("usage: node bench/load/run.mjs <runs> <label>=<dist dir>:<raw text bytes>:<query> ...");
  process.exit(2);
}

// The app's own User Timing marks (src/main.rs): wasm started, blob decoded, app mounted.
const MARKS = ["dateline:start", "dateline:decoded", "dateline:mounted"];

// Runs in the page before its own scripts: records the two moments and keeps the wasm exports.
function probe(query) {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
  window.__load = { tasks: [] };
  // Long tasks (over 50 ms) on the main thread from the start, to the moment read.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__load.tasks.push(e.duration);
  }).observe({ type: "longtask", buffered: true });
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail.wasm));
  let typed = false;
  const observer = new MutationObserver(async () => {
    if (window.__load.paint === undefined && document.querySelector(".timeline .entry")) {
      window.__load.paint = -1;
      window.__load.paint = await frame();
    }
    // The app's own box: the first screen written at build time has one too, until the app
    // replaces it.
    const box = document.querySelector("#search-input");
    const count = document.querySelector(".results-count");
    if (!typed && box && count && !document.querySelector("[data-prerendered]")) {
      typed = true;
      const before = count.textContent;
      box.value = query;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      const answered = async () => {
        if (count.isConnected && count.textContent !== before) {
          window.__load.interactive = await frame();
        } else {
          requestAnimationFrame(answered);
        }
      };
      answered();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const size = (bytes) => (bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

const browser = await launch();
const rows = [];
try {
  for (const spec of pages) {
    const [label, rest] = spec.split("=");
    const [root, rawBytes, query] = rest.split(":");
    const server = await serve({ root });
    const paint = [];
    const interactive = [];
    const longest = [];
    const blocking = [];
    const marks = Object.fromEntries(MARKS.map((m) => [m, []]));
    let memory;
    try {
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.addInitScript(probe, query);
        await page.goto(server.url);
        await page.waitForFunction(() => window.__load.interactive !== undefined && window.__load.paint > 0, null, {
          timeout: 120_000,
        });
        if (errors.length) throw new Error(`${label}: page errors: ${errors.join("; ")}`);
        // Tasks that end after interactive are counted too, up to a quiet half second later.
        await page.waitForTimeout(500);
        const load = await page.evaluate(() => window.__load);
        paint.push(load.paint);
        interactive.push(load.interactive);
        longest.push(Math.max(0, ...load.tasks));
        // Total blocking time, as Lighthouse counts it: each long task's time over 50 ms.
        blocking.push(load.tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
        const at = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime), MARKS);
        MARKS.forEach((m, i) => marks[m].push(at[i]));
        if (run === runs - 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("HeapProfiler.collectGarbage");
          const heap = await cdp.send("Runtime.getHeapUsage");
          const wasm = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
          memory = { wasm, js: heap.usedSize, raw: Number(rawBytes) };
        }
        await context.close();
      }
    } finally {
      await server.close();
    }
    const wasmFile = readdirSync(root).find((f) => f.endsWith("_bg.wasm"));
    const wasmBytes = statSync(join(root, wasmFile)).size;
    rows.push({ label, paint, interactive, longest, blocking, marks, memory, wasmBytes });
  }
} finally {
  await browser.close();
}

const ms = (xs) => `${median(xs).toFixed(0).padStart(6)} ${Math.min(...xs).toFixed(0).padStart(6)} ${Math.max(...xs).toFixed(0).padStart(6)}`;
console.log(`\nLoad, ${runs} runs each (ms from navigation start: median, fastest, slowest; targets: paint < 500, interactive < 1500)`);
console.log(`${"page".padEnd(16)} ${"first paint".padStart(20)}   ${"interactive".padStart(20)}`);
for (const r of rows) console.log(`${r.label.padEnd(16)} ${ms(r.paint)}   ${ms(r.interactive)}`);
console.log("\nMain thread during load (medians, ms; target: no task over 50 ms at the seed size)");
console.log(`${"page".padEnd(16)} ${"longest task".padStart(13)} ${"total blocking".padStart(15)} ${"wasm file".padStart(10)}`);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(16)} ${median(r.longest).toFixed(0).padStart(13)} ${median(r.blocking).toFixed(0).padStart(15)} ${size(r.wasmBytes).padStart(10)}`,
  );
}
if (rows.length > 1) {
  const [base, ...others] = rows;
  const ratio = (f) => (x) => (f(x) / f(base)).toFixed(1);
  console.log(`\nEach page against ${base.label} (target: first paint ≤ 1.5×)`);
  console.log(`${"page".padEnd(16)} ${"first paint".padStart(12)} ${"interactive".padStart(12)} ${"wasm file".padStart(10)}`);
  for (const r of others) {
    const paintRatio = ratio((x) => median(x.paint))(r);
    const interactiveRatio = ratio((x) => median(x.interactive))(r);
    const bytesRatio = ratio((x) => x.wasmBytes)(r);
    console.log(`${r.label.padEnd(16)} ${`${paintRatio}×`.padStart(12)} ${`${interactiveRatio}×`.padStart(12)} ${`${bytesRatio}×`.padStart(10)}`);
  }
}
console.log("\nWhere the time goes (medians, ms from navigation start)");
console.log(`${"page".padEnd(16)} ${"wasm started".padStart(13)} ${"blob decoded".padStart(13)} ${"app mounted".padStart(12)} ${"first paint".padStart(12)}`);
for (const r of rows) {
  const [start, decoded, mounted] = MARKS.map((m) => median(r.marks[m]).toFixed(0));
  console.log(`${r.label.padEnd(16)} ${start.padStart(13)} ${decoded.padStart(13)} ${mounted.padStart(12)} ${median(r.paint).toFixed(0).padStart(12)}`);
}
console.log("\nMemory after load (target: wasm + JS heap ≤ 2 × raw text)");
console.log(`${"page".padEnd(16)} ${"raw text".padStart(10)} ${"wasm".padStart(10)} ${"JS heap".padStart(10)} ${"ratio".padStart(7)}`);
for (const { label, memory: m } of rows) {
  const ratio = (m.wasm + m.js) / m.raw;
  console.log(`${label.padEnd(16)} ${size(m.raw).padStart(10)} ${size(m.wasm).padStart(10)} ${size(m.js).padStart(10)} ${ratio.toFixed(2).padStart(7)}`);
}
