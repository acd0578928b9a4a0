// Tables of the book (class "mtc-table", see mtcreport.tables.show), offline, no library:
// - every cell carries its column's name (data-label), so on a phone each row reads as a card of
//   "column: value" lines (custom.css) and no column is cut off; an empty cell gives no line;
// - long tables (class "mtc-filterable") sort by any column: the headers become buttons; a second
//   press reverses the order; numbers sort as numbers.
(function () {
  "use strict";

  function label(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (headers[index]) { cell.setAttribute("data-label", headers[index]); }
        // an empty cell: no "column:" line with nothing after it in the phone's card
        if (!cell.textContent.trim()) { cell.classList.add("mtc-empty"); }
      });
    });
  }

  function key(text) {
    var number = text.replace(/,/g, "").match(/^-?\d+(\.\d+)?$/);
    return number ? { n: parseFloat(number[0]) } : { s: text.toLowerCase() };
  }

  function compare(a, b) {
    if ("n" in a && "n" in b) { return a.n - b.n; }
    if ("n" in a) { return -1; }
    if ("n" in b) { return 1; }
    return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  }

  function sortable(table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mtc-sort";
      button.textContent = th.textContent.trim();
      button.setAttribute("aria-label", "Sort by " + button.textContent);
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(key(r1.cells[index].textContent.trim()), key(r2.cells[index].textContent.trim()));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.mtc-table"), label);

    Array.prototype.forEach.call(document.querySelectorAll("table.mtc-filterable"), sortable);
  });
})();
