// Search box and column menus for tables marked "mtc-filterable" (see mtcreport.tables.show).
// Runs offline: no library, no network. Rows that do not match are hidden, not removed.
(function () {
  "use strict";
  var MENU_COLUMNS = ["Chapter", "Type", "Verdict", "Supplier"];

  function setUp(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var bar = document.createElement("div");
    bar.className = "mtc-filter-bar";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Filter rows…";
    search.setAttribute("aria-label", "Filter the rows of this table");
    bar.appendChild(search);
    var menus = [];
    headers.forEach(function (name, index) {
      if (MENU_COLUMNS.indexOf(name) < 0) { return; }
      var values = {};
      rows.forEach(function (row) { values[row.cells[index].textContent.trim()] = true; });
      var select = document.createElement("select");
      select.setAttribute("aria-label", "Show only rows with this " + name.toLowerCase());
      var all = document.createElement("option");
      all.value = "";
      all.textContent = name + ": all";
      select.appendChild(all);
      Object.keys(values).sort().forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      bar.appendChild(select);
      menus.push({ index: index, select: select });
    });
    var count = document.createElement("span");
    count.className = "mtc-filter-count";
    bar.appendChild(count);

    // As the site's search does: case, hyphens and spaces do not count, so "s400" finds S-400 and
    // "su 27" finds Su-27SK.
    function normal(text) { return text.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ""); }
    var texts = rows.map(function (row) { return normal(row.textContent); });

    function apply() {
      var needle = normal(search.value);
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = !needle || texts[i].indexOf(needle) >= 0;
        menus.forEach(function (menu) {
          if (menu.select.value && row.cells[menu.index].textContent.trim() !== menu.select.value) { ok = false; }
        });
        row.style.display = ok ? "" : "none";
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " rows";
    }
    search.addEventListener("input", apply);
    menus.forEach(function (menu) { menu.select.addEventListener("change", apply); });
    table.parentNode.insertBefore(bar, table);
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.mtc-filterable"), setUp);
  });
})();
