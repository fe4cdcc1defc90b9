// Runs before the first paint (a classic script in the head: the page waits for it). The page
// holds the default view's first screen, written at build time; a link that names another view
// (anything in the query) marks the document, and the stylesheet then hides that screen's
// view-dependent parts (counts, chart, facet values, list) until the app shows the view asked
// for, so a deep link never flashes the default list. A file of its own, not an inline
// script, so the page runs under a strict Content-Security-Policy.
if (location.search.length > 1) document.documentElement.classList.add("deep-link");
