// End-to-end: the histogram zooms, in headless Chromium against the release build of the seed
// corpus. Months over the corpus by default; a month chosen is shown in days and a few months in
// weeks, with date fields that take days; a brush across days picks days; the labels under the
// chart never run into each other, at 360 px wide too; axe finds nothing in a zoomed chart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp, audit } from "./support/browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const search = (page) => new URL(page.url()).search;
const title = (page) => page.locator(".histogram-title").innerText();
const bars = (page) => page.locator(".histogram-chart .bar");
const barTitles = (page) => bars(page).evaluateAll((all) => all.map((b) => b.textContent.trim()));

/** The visible labels under the chart that overlap the next visible one. */
async function overlaps(page) {
  return page.locator(".histogram-ticks text").evaluateAll((texts) => {
    const boxes = texts
      .filter((t) => getComputedStyle(t).display !== "none")
      .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
      .sort((a, b) => a.box.left - b.box.left);
    const found = [];
    for (let i = 1; i < boxes.length; i++) {
      if (boxes[i].box.left < boxes[i - 1].box.right + 2) found.push(`${boxes[i - 1].text}|${boxes[i].text}`);
    }
    return { labels: boxes.map((b) => b.text), found };
  });
}

test("a month chosen is shown in days, a brush across days picks days, and the fields take days", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await gotoApp(page, url);
    assert.equal(await title(page), "ARTICLES PER MONTH");
    assert.equal(await bars(page).count(), 126);
    assert.equal(await page.locator("#range-from").getAttribute("type"), "month");

    // One click on the March 2019 bar: that month, day by day.
    let box = await page.locator(".histogram-chart").boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.click(box.x + ((53 + 0.5) / 126) * box.width, y);
    await page.getByText("1 of 5 articles matches").waitFor();
    await page.locator(".histogram-title", { hasText: /per day/i }).waitFor();
    assert.equal(await bars(page).count(), 31);
    const days = await barTitles(page);
    assert.equal(days[24], "25 March 2019: 1 article");
    assert.equal(days[0], "1 March 2019: 0 articles");
    assert.equal(await page.locator("#range-from").getAttribute("type"), "date");
    assert.equal(await page.locator("#range-from").inputValue(), "2019-03-01");
    assert.equal(await page.locator("#range-to").inputValue(), "2019-03-31");

    // A brush from the 20th to the 31st picks those days.
    box = await page.locator(".histogram-chart").boundingBox();
    const xOf = (day) => box.x + ((day - 1 + 0.5) / 31) * box.width;
    await page.mouse.move(xOf(20), y);
    await page.mouse.down();
    await page.mouse.move(xOf(26), y, { steps: 4 });
    await page.mouse.move(xOf(31), y, { steps: 4 });
    await page.mouse.up();
    await page.waitForURL(/from=2019-03-20/);
    assert.equal(search(page), "?from=2019-03-20&to=2019-03");
    assert.equal(await bars(page).count(), 12);

    // The fields take a day: the 26th on leaves the article of the 25th out.
    await page.locator("#range-from").fill("2019-03-26");
    await page.waitForURL(/from=2019-03-26/);
    await page.locator(".no-results").waitFor();
    assert.match(await page.locator(".no-results").innerText(), /Remove dates 26 March 2019 – March 2019/);
    await page.locator("#range-from").fill("2019-03-25");
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.equal(search(page), "?from=2019-03-25&to=2019-03");

    // All dates: months again.
    await page.getByRole("button", { name: "All dates" }).click();
    await page.locator(".histogram-title", { hasText: /per month/i }).waitFor();
    assert.equal(await bars(page).count(), 126);
    assert.deepEqual(page.errors, []);
  });
});

test("a few months are shown in weeks, from a Monday", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url + "?from=2024-11&to=2025-03");
    await page.locator(".histogram-title", { hasText: /per week/i }).waitFor();
    // From 28 October 2024 (a Monday) to the week of 31 March 2025.
    const weeks = await barTitles(page);
    assert.equal(weeks.length, 23);
    assert.equal(weeks[0], "the week of 28 October 2024: 0 articles");
    assert.equal(weeks[21], "the week of 24 March 2025: 1 article");
    assert.equal(weeks[22], "the week of 31 March 2025: 0 articles");
    assert.equal(await page.locator("#range-to").inputValue(), "2025-03-31");
    assert.deepEqual(page.errors, []);
  });
});

test("the labels under the chart never run into each other, at 360 px too", async () => {
  await withServer("/", async ({ url }) => {
    for (const width of [1280, 360]) {
      const page = await openPage(browser, { viewport: { width, height: 800 } });
      for (const view of ["", "?from=2019-03&to=2019-03", "?from=2024-11&to=2025-03", "?from=2019-02-20&to=2019-04-10"]) {
        await gotoApp(page, url + view);
        await page.locator(".histogram-ticks text").first().waitFor();
        const { labels, found } = await overlaps(page);
        assert.deepEqual(found, [], `${width} px, ${view || "all dates"}: ${labels.join(" ")}`);
        assert.ok(labels.length >= 1);
      }
      await page.context().close();
    }
  });
});

test("axe-core finds no violations in a chart of days, light and dark", async () => {
  await withServer("/", async ({ url }) => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openPage(browser, { colorScheme });
      await gotoApp(page, url + "?from=2019-03&to=2019-03");
      await page.locator(".histogram-title", { hasText: /per day/i }).waitFor();
      assert.deepEqual(await audit(page), [], colorScheme);
      await page.context().close();
    }
  });
});
