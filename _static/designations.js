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

/* Snippets come from the page's prose (its article, without the folded code cells, the page's
   buttons and the charts' drawn text), never from a file name, and open at the first place the
   reader's words occur, a designation matched with or without its hyphens ("s400" at "S-400"). */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const DROP = ".headerlink, script, style, svg, .cell_input, .cell details.above-input, " +
    ".bd-header-article, .prev-next-area, .mtc-figure-links, .mtc-filter-bar";
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(DROP).forEach((el) => el.remove());
    const article = page.querySelector("article.bd-article") || page.querySelector('[role="main"]');
    if (!article) return "";
    const part = (anchor && article.querySelector(anchor)) || article;
    return part.textContent.replace(/\s+/g, " ").trim();
  };
  const loose = (word) =>
    new RegExp(
      [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\u2010-\u2015-]?"),
      "i"
    );
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (text === "") return null;
    const found = [...keywords]
      .map((word) => text.search(loose(word)))
      .filter((at) => at > -1);
    const start = found.length ? Math.max(Math.min(...found) - 100, 0) : 0;
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent =
      (start > 0 ? "…" : "") + text.substr(start, 240).trim() + (start + 240 < text.length ? "…" : "");
    return summary;
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
