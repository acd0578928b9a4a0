/* Search: a designation such as S-400 or Su-27SK is one word, typed with or without its hyphens.
   The index holds each hyphenated designation with a digit also as one word (mtcreport.sphinxext);
   this joins the same designations in the query before Sphinx splits it. Loaded before
   searchtools.js, which keeps a splitQuery that is already defined. */
var splitQuery = (query) =>
  query
    .replace(/[\p{Letter}\p{Number}]+(?:-[\p{Letter}\p{Number}]+)+/gu, (m) =>
      /\p{Number}/u.test(m) ? m.replace(/-/g, "") : m
    )
    .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter((term) => term);

/* Snippets come from the page's prose, never from the folded code cells. */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const toText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(".cell_input, .cell details.above-input").forEach((el) => el.remove());
    return toText(page.documentElement.outerHTML, anchor);
  };
});

/* Each page once: Sphinx lists a page again for each glossary term or section that matches (the
   glossary came up three times for "AL-31F"). Keep each page's best result, in Sphinx's order.
   Results are [docname, title, anchor, ...]; the best is at the end (shown first). */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search._performSearch !== "function") return;
  const perform = Search._performSearch;
  Search._performSearch = (...args) => {
    const seen = new Set();
    return perform(...args)
      .reverse()
      .filter((result) => !seen.has(result[0]) && seen.add(result[0]))
      .reverse();
  };
});
