/* Suggestions as one types in a search box marked data-opengov-suggest: titles of public datasets
 * from CKAN's own autocomplete API (/api/2/util/dataset/autocomplete: a title or name containing
 * the text, at most 10, the reader's permissions applied), offered through a <datalist>. */
(function () {
  "use strict";
  var MIN = 2, WAIT = 250, cache = {};

  function attach(input) {
    var list = document.createElement("datalist"), timer = null, last = "";
    list.id = input.id + "-suggestions";
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    function show(titles) {
      list.textContent = "";
      titles.forEach(function (title) {
        var option = document.createElement("option");
        option.value = title;
        list.appendChild(option);
      });
    }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      clearTimeout(timer);
      if (text.length < MIN || text === last) { return; }
      timer = setTimeout(function () {
        last = text;
        if (cache[text]) { show(cache[text]); return; }
        fetch(input.getAttribute("data-opengov-suggest") + "?incomplete=" + encodeURIComponent(text),
              {credentials: "same-origin", headers: {"Accept": "application/json"}})
          .then(function (r) { return r.ok ? r.json() : {ResultSet: {Result: []}}; })
          .then(function (data) {
            var titles = (data.ResultSet && data.ResultSet.Result || []).map(function (d) { return d.title || d.name; });
            cache[text] = titles;
            if (input.value.trim() === text) { show(titles); }
          })
          .catch(function () {});
      }, WAIT);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-opengov-suggest]"), attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
