// The index table's sorting and filtering. The table is whole without this script; the script shows
// the filter form (hidden otherwise), makes each column heading a sort button and hides the rows a
// filter leaves out. No library, nothing fetched.
"use strict";
(function () {
  var table = document.getElementById("trials");
  var form = document.getElementById("filters");
  if (!table || !form) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var shown = document.getElementById("shown");

  function sortBy(index, header) {
    var descending = header.getAttribute("aria-sort") === "ascending";
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var keyed = rows.map(function (row, position) {
      return { row: row, key: row.cells[index].getAttribute("data-sort") || "", position: position };
    });
    keyed.sort(function (a, b) {
      // empty cells last either way; equal keys keep the NCT ID order
      if (!a.key !== !b.key) { return a.key ? -1 : 1; }
      var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position;
      return descending ? -order : order;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }

  headers.forEach(function (header, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.addEventListener("click", function () { sortBy(index, header); });
    header.textContent = "";
    header.appendChild(button);
  });

  function filter() {
    var text = form.querySelector("[data-filter-text]").value.trim().toLowerCase();
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = 0;
    rows.forEach(function (row) {
      var visible = !text || row.textContent.toLowerCase().indexOf(text) >= 0;
      selects.forEach(function (select) {
        if (!visible || !select.value) { return; }
        var raw = row.getAttribute("data-" + select.getAttribute("data-filter").replace(/_/g, "-")) || "";
        var items = raw ? raw.split("|") : [];
        visible = select.value === "not stated" ? items.length === 0 : items.indexOf(select.value) >= 0;
      });
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = "Showing " + count + " of " + rows.length + " trials.";
  }

  form.addEventListener("input", filter);
  form.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); filter(); });
  form.addEventListener("reset", function () { setTimeout(filter, 0); });
  form.hidden = false;
  filter();
}());
