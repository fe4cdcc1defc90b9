// Where a keystroke's time goes: types one query key by key into a built page with a Chromium
// trace running, and prints, per key, the main thread's time in script (the wasm and its glue),
// style, layout, paint and the rest, from the keydown to the frame that showed it; and the
// functions that took the most self time (a CPU profile), names as the wasm's name section gives.
//
// Usage: node bench/typing/profile.mjs <dist dir> [query, default "sanctions railway" | --open | --facet | --compare]
// (--open: clicks the first entries one by one and goes Back after each, instead of typing;
// --facet: clicks the first facet value on and off; --compare: "Compare periods" on and off)
// PROFILE_WARM=1 types the query once before the trace (keys as they cost once the browser has
// compiled the code they run). PROFILE_PAINTS=1 adds every main-thread event over keys 3 to 5
// by name and the Paint events of keys 3 and 4 with the area and node each painted (a favicon
// fetched again on every address change showed up here).
// PROFILE_TOP=N lists N functions by total time instead of 60.
// A diagnostic beside bench/typing/run.mjs (which gives the figures), not a benchmark itself.
import { serve } from "../../e2e/support/server.mjs";
import { launch, untilMounted } from "../../e2e/support/browser.mjs";

const [root, query = "sanctions railway"] = process.argv.slice(2);
if (!root) {
  console.error("usage: node bench/typing/profile.mjs <dist dir> [query]");
  process.exit(2);
}

const server = await serve({ root });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  // The app's own list, once it has replaced the first screen written at build time.
  await untilMounted(page, 120_000);
  await page.locator(".entry-link").first().waitFor({ state: "attached", timeout: 120_000 });
  await new Promise((ok) => setTimeout(ok, 800));
  const box = page.locator("#search-input");
  await box.click();
  if (process.env.PROFILE_WARM && !query.startsWith("--")) {
    // Typed once untraced, so the trace shows keys whose code the browser has compiled already.
    await page.keyboard.type(query, { delay: 120 });
    await box.fill("");
    await new Promise((ok) => setTimeout(ok, 800));
  }

  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const done = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink",
    transferMode: "ReportEvents",
  });
  await cdp.send("Profiler.start");
  const opening = ["--open", "--facet", "--compare"].includes(query);
  if (query === "--compare") {
    for (let i = 0; i < 12; i++) {
      await page.locator(".compare-toggle").click();
      await new Promise((ok) => setTimeout(ok, 300));
    }
  } else if (query === "--facet") {
    for (let i = 0; i < 12; i++) {
      await page.locator(".facet-value input").first().click();
      await new Promise((ok) => setTimeout(ok, 300));
    }
  } else if (opening) {
    for (let i = 0; i < 6; i++) {
      await page.locator(".entry-link").nth(i % 3).click();
      await new Promise((ok) => setTimeout(ok, 300));
      await page.evaluate(() => history.back());
      await new Promise((ok) => setTimeout(ok, 300));
    }
  } else {
    await page.keyboard.type(query, { delay: 120 });
  }
  await new Promise((ok) => setTimeout(ok, 300));
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Tracing.end");
  await done;

  // The renderer's main thread: the one that ran the keydowns.
  const trigger = opening ? ["click", "popstate"] : ["keydown"];
  const keydowns = events.filter((e) => e.name === "EventDispatch" && trigger.includes(e.args?.data?.type));
  const main = keydowns[0] && { pid: keydowns[0].pid, tid: keydowns[0].tid };
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const KINDS = {
    script: ["FunctionCall", "EventDispatch", "TimerFire", "FireAnimationFrame", "RunMicrotasks", "v8.callFunction", "V8.Execute", "EvaluateScript"],
    style: ["UpdateLayoutTree", "RecalculateStyles", "ScheduleStyleRecalculation"],
    layout: ["Layout", "UpdateLayerTree", "IntersectionObserverController::computeIntersections"],
    paint: ["Paint", "PaintImage", "CompositeLayers", "Layerize", "PrePaint", "Commit"],
  };
  const kindOf = (name) => Object.keys(KINDS).find((k) => KINDS[k].includes(name));
  // Self time of the top-level kinds: an event's own span less the spans of kinds nested in it.
  const starts = keydowns.map((k) => k.ts).sort((a, b) => a - b);
  const label = (i) => (opening ? keydowns.slice().sort((a, b) => a.ts - b.ts)[i].args.data.type : query[i] ?? "?");
  const rows = starts.map((ts, i) => ({ key: label(i), ts, end: starts[i + 1] ?? Infinity, kinds: {} }));
  const top = onMain
    .filter((e) => kindOf(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Keep outermost events per kind boundary: time counted once, under the outer event's kind,
  // except style/layout/paint nested inside script, which count as their own.
  const stack = [];
  for (const e of top) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const kind = kindOf(e.name);
    const parent = stack[stack.length - 1];
    const row = rows.find((r) => e.ts >= r.ts && e.ts < r.end);
    if (row && (!parent || kindOf(parent.name) !== kind)) {
      row.kinds[kind] = (row.kinds[kind] ?? 0) + e.dur / 1000;
      if (parent) row.kinds[kindOf(parent.name)] -= e.dur / 1000;
    }
    stack.push(e);
  }
  // What else the main thread did: its outermost events by name.
  if (process.env.PROFILE_EVENTS) {
    const outer = [];
    let end = -1;
    for (const e of [...onMain].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (e.ts >= end) {
        outer.push(e);
        end = e.ts + e.dur;
      }
    }
    // One level in: what each RunTask was.
    const inner = [];
    for (const task of outer) {
      let at = -1;
      for (const e of onMain) {
        if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.ts < at) continue;
        inner.push(e);
        at = e.ts + e.dur;
      }
    }
    const byName = new Map();
    for (const e of inner) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    console.log("Outermost main-thread events, ms:");
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  }
  if (process.env.PROFILE_PAINTS) {
    const names = new Map();
    for (const e of onMain) if (e.ts > starts[2] && e.ts < starts[5]) names.set(e.name, (names.get(e.name) ?? 0) + e.dur / 1000);
    console.log("All main-thread events over keys 3-5 (inclusive ms):");
    for (const [n, ms] of [...names].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(2).padStart(8)}  ${n}`);
    for (const e of onMain) if (e.name === "Paint" && e.ts > starts[2] && e.ts < starts[4]) console.log("Paint", (e.dur / 1000).toFixed(2), JSON.stringify(e.args.data));
  }
  console.log(`Per ${opening ? "click or Back" : `key of "${query}"`}, main-thread ms from its event to the next:`);
  console.log(["key", ...Object.keys(KINDS)].map((s) => s.padStart(8)).join(""));
  for (const r of rows) console.log([r.key, ...Object.keys(KINDS).map((k) => (r.kinds[k] ?? 0).toFixed(1))].map((s) => String(s).padStart(8)).join(""));

  // Self time per function, from the CPU profile.
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nSelf time by function (of ${total.toFixed(0)} ms sampled):`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${ms.toFixed(1).padStart(8)}  ${name.slice(0, 110)}`);
  }
  // Total time per function (itself and what it called), each sample counted once per function.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const names = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (f.url.endsWith(".wasm")) names.add(f.functionName.replace(/::h[0-9a-f]{16}$/, ""));
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  console.log(`\nTotal time by wasm function (itself and what it called):`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 60))) {
    console.log(`${ms.toFixed(1).padStart(8)}  ${name.slice(0, 140)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
