// Member directory: search by name, filter by type, sort by column. Without this script the full tables are
// still there to read; the controls stay hidden.
(function () {
  "use strict";

  function enhance(directory) {
    var form = directory.querySelector(".member-directory__controls");
    var search = form.querySelector("input[name=q]");
    var type = form.querySelector("select[name=type]");
    var status = form.querySelector(".member-directory__status");
    var groups = Array.prototype.slice.call(directory.querySelectorAll(".member-directory__group"));
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var rows = [];
    groups.forEach(function (group) {
      group.querySelectorAll("tbody tr").forEach(function (row) {
        var names = row.cells[0].textContent + " " + row.cells[1].textContent;
        rows.push({ row: row, group: group, text: names.toLowerCase() });
      });
    });

    function update() {
      var query = search.value.trim().toLowerCase();
      var shownByGroup = new Map(groups.map(function (g) { return [g, 0]; }));
      var shown = 0;
      rows.forEach(function (entry) {
        var visible = (!type.value || entry.group.dataset.type === type.value) &&
          (!query || entry.text.indexOf(query) !== -1);
        entry.row.hidden = !visible;
        if (visible) {
          shown += 1;
          shownByGroup.set(entry.group, shownByGroup.get(entry.group) + 1);
        }
      });
      groups.forEach(function (g) { g.hidden = shownByGroup.get(g) === 0; });
      status.textContent = status.dataset.template
        .replace("{shown}", String(shown))
        .replace("{total}", String(rows.length));
    }

    // Every group table has the same columns: a header button sorts all of them by that column.
    function sortBy(column, ascending) {
      groups.forEach(function (group) {
        var body = group.querySelector("tbody");
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var order = collator.compare(a.cells[column].textContent, b.cells[column].textContent);
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
        group.querySelectorAll("thead th").forEach(function (th, index) {
          if (index === column) {
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          } else {
            th.removeAttribute("aria-sort");
          }
        });
      });
    }

    groups.forEach(function (group) {
      group.querySelectorAll("thead th").forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "member-directory__sort";
        button.textContent = th.textContent;
        button.addEventListener("click", function () {
          sortBy(column, th.getAttribute("aria-sort") !== "ascending");
        });
        th.textContent = "";
        th.appendChild(button);
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    search.addEventListener("input", update);
    type.addEventListener("change", update);
    form.hidden = false;
    update();
  }

  document.querySelectorAll("[data-member-directory]").forEach(enhance);
})();
