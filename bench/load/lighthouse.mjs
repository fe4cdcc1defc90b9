// Lighthouse on a built page, served gzip-compressed as a static host serves it (the test
// support's server), with the mobile preset (simulated slow 4G, 4× slower CPU) and the desktop
// one: prints the four category scores and the metrics behind performance. A figure to read, not
// a test: nothing here fails on a low score.
// Usage: node bench/load/lighthouse.mjs <lighthouse install dir> <dist dir> [label]
// (scripts/bench-load.sh installs the pinned Lighthouse into target/lighthouse and calls this).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "../../e2e/support/server.mjs";

const [prefix, root, label = root] = process.argv.slice(2);
if (!prefix || !root) {
  console.error("usage: node bench/load/lighthouse.mjs <lighthouse install dir> <dist dir> [label]");
  process.exit(2);
}
const from = (path) => import(pathToFileURL(join(prefix, "node_modules", path)).href);
const { default: lighthouse } = await from("lighthouse/core/index.js");
const { default: desktop } = await from("lighthouse/core/config/desktop-config.js");
const chromeLauncher = await from("chrome-launcher/dist/index.js");

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const METRICS = [
  ["first-contentful-paint", "first contentful paint"],
  ["largest-contentful-paint", "largest contentful paint"],
  ["total-blocking-time", "total blocking time"],
  ["cumulative-layout-shift", "layout shift"],
  ["speed-index", "speed index"],
];

const server = await serve({ root, gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // As root (CI) Chromium needs --no-sandbox, as in the browser tests.
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  console.log(`\nLighthouse on ${label}, served with gzip (targets: performance ≥ 95 mobile, 100 for the rest)`);
  for (const [preset, config] of [["mobile", undefined], ["desktop", desktop]]) {
    const result = await lighthouse(server.url, { port: chrome.port, output: "json", logLevel: "error" }, config);
    const { categories, audits } = result.lhr;
    const scores = Object.entries(TARGETS).map(([id, target]) => {
      const score = Math.round((categories[id]?.score ?? 0) * 100);
      return `${id} ${score}${score >= target ? "" : ` (under ${target})`}`;
    });
    console.log(`  ${preset.padEnd(8)} ${scores.join(" · ")}`);
    const metrics = METRICS.map(([id, name]) => `${name} ${audits[id]?.displayValue ?? "?"}`);
    console.log(`  ${"".padEnd(8)} ${metrics.join(" · ")}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
