// The DOM floor of the typing benchmark (bench/typing/run.mjs): loaded into a copy of a built
// page's first screen with the app taken out, it makes, on every keystroke, the smallest DOM
// change that shows a new result: the texts of the timeline's entries replaced in place (headline,
// outlet and a 28-word excerpt, no marks, no element made or removed), every histogram bar
// resized, every facet count and the count line rewritten, and the address written after the
// frame, as the app does. No search, no framework. A keystroke that changes what the first
// screen lists cannot cost the browser less than this on the same machine.
"use strict";
const WORDS = ("sanctions railway vladivostok foreign minister kim jong un nuclear talks putin visit " +
  "moscow pyongyang border trade labour troops war envoy kremlin summit bridge tumen rason port " +
  "khasan drills missile satellite launch delegation treaty cooperation").split(" ");
let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
const word = () => WORDS[Math.floor(random() * WORDS.length)];
const words = (n) => Array.from({ length: n }, word).join(" ");

const input = document.querySelector("#search-input");
const entries = [...document.querySelectorAll(".timeline-rows .entry-link")].map((link) => {
  const excerpt = document.createElement("span");
  excerpt.className = "entry-excerpt";
  link.append(excerpt);
  return { headline: link.querySelector(".entry-headline"), outlet: link.querySelector(".entry-outlet"), excerpt };
});
const bars = [...document.querySelectorAll("rect.bar")];
const counts = [...document.querySelectorAll(".facet-count")];
const count = document.querySelector(".results-count");
let address = null;

input.addEventListener("input", () => {
  const query = input.value;
  // Each query shows its own texts, the same every run.
  seed = [...query].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  for (const entry of entries) {
    entry.headline.textContent = words(6);
    entry.outlet.textContent = word();
    entry.excerpt.textContent = query ? `… ${words(28)} …` : "";
  }
  for (const bar of bars) {
    const height = Math.floor(random() * 100);
    bar.setAttribute("y", String(100 - height));
    bar.setAttribute("height", String(height));
  }
  for (const c of counts) c.textContent = String(Math.floor(random() * 5000));
  count.textContent = `${Math.floor(random() * 10000)} articles match`;
  if (address === null) {
    requestAnimationFrame(() =>
      setTimeout(() => {
        history.replaceState(null, "", address);
        address = null;
      }, 0),
    );
  }
  address = query ? `?q=${encodeURIComponent(query)}` : location.pathname;
});
