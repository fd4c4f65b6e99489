/* The public front's form helpers, for every page:
   - Thai readers type and read dates in the Buddhist Era: each <input type="date"> becomes day,
     month and BE-year choosers writing the ISO date the server expects into a hidden field.
   - A dataset or agency title typed in Thai gets a romanised URL name from the server
     (/opengov/slug), which the person can still change; CKAN's own slug script drops Thai.
   - A resource's format is guessed from the chosen file's or link's extension. */
(function () {
  "use strict";
  var thai = (document.documentElement.lang || "").indexOf("th") === 0;
  var MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];
  var BE = 543;

  function option(value, text, selected) {
    var o = document.createElement("option");
    o.value = value; o.textContent = text; o.selected = !!selected;
    return o;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function bePicker(input) {
    var parts = (input.value || "").split("-"), now = new Date();
    var box = document.createElement("span");
    box.className = "opengov-be-date";
    var hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = input.name; hidden.value = input.value;
    var day = document.createElement("select"), month = document.createElement("select"),
        year = document.createElement("select");
    day.setAttribute("aria-label", "วัน"); month.setAttribute("aria-label", "เดือน");
    year.setAttribute("aria-label", "ปี พ.ศ.");
    // One line of three short lists (Bootstrap's form-select alone stretches each to the full width).
    box.style.cssText = "display: inline-flex; flex-wrap: wrap; gap: .25rem; vertical-align: middle;";
    [day, month, year].forEach(function (s) {
      s.className = "form-select form-select-sm"; s.required = input.required; s.style.width = "auto";
    });
    day.appendChild(option("", "วัน")); month.appendChild(option("", "เดือน")); year.appendChild(option("", "พ.ศ."));
    for (var d = 1; d <= 31; d++) { day.appendChild(option(d, d, parts[2] && +parts[2] === d)); }
    MONTHS.forEach(function (m, i) { month.appendChild(option(i + 1, m, parts[1] && +parts[1] === i + 1)); });
    for (var y = now.getFullYear() + 1; y >= 1957; y--) { year.appendChild(option(y, y + BE, parts[0] && +parts[0] === y)); }
    function sync() {
      var y = +year.value, m = +month.value, d = +day.value;
      // 31 ก.พ. is no date: nothing is sent and the browser holds the form with the reason.
      var real = d && m && y && new Date(y, m - 1, d).getDate() === d;
      hidden.value = real ? y + "-" + pad(m) + "-" + pad(d) : "";
      day.setCustomValidity(d && m && y && !real ? "ไม่มีวันที่ " + d + " ใน" + MONTHS[m - 1] + " " + (y + BE) : "");
    }
    [day, month, year].forEach(function (s) { s.addEventListener("change", sync); });
    if (input.id) { day.id = input.id; }
    box.appendChild(day); box.appendChild(month); box.appendChild(year); box.appendChild(hidden);
    input.parentNode.replaceChild(box, input);
  }
  // A TGDC date field is a text field whose example (placeholder) is a d/m/BE date: the stored
  // ISO date is shown back as the person types it, and the server reads either.
  function beText(input) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
    if (m && /\d{1,2}\/\d{1,2}\/25\d\d/.test(input.placeholder || "")) {
      input.value = +m[3] + "/" + +m[2] + "/" + (+m[1] + BE);
    }
  }
  if (thai) {
    Array.prototype.forEach.call(document.querySelectorAll('input[type="date"]'), bePicker);
    Array.prototype.forEach.call(document.querySelectorAll('form input[type="text"][placeholder]'), beText);
  }

  var title = document.getElementById("field-title"), name = document.getElementById("field-name");
  if (title && name && !name.value) {
    var auto = true, timer = null, filled = "";
    // A person typing in the field stops the fill (CKAN's slug script cancels the keypress and
    // writes the value itself, so no "input" event comes then: keydown does).
    name.addEventListener("keydown", function (e) {
      if (e.key && (e.key.length === 1 || e.key === "Backspace" || e.key === "Delete")) { auto = false; }
    });
    name.addEventListener("input", function (e) { if (e.isTrusted) { auto = false; } });
    // CKAN's own slug of a title: what its script writes into the field on every keystroke of
    // the title (it keeps only the Latin letters and digits, "2566" of "สถิติผู้สูงอายุ 2566").
    var coreSlug = function () {
      var url = window.jQuery && window.jQuery.url;
      return url && url.slugify ? url.slugify(title.value, true) : null;
    };
    title.addEventListener("input", function () {
      if (!auto || !/[\u0e00-\u0e7f]/.test(title.value)) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/opengov/slug?title=" + encodeURIComponent(title.value), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (body) {
            // Never over a name put there since our last fill, but for CKAN's own slug of the title.
            if (!body || !auto || (name.value && name.value !== filled && name.value !== coreSlug())) { return; }
            name.value = filled = body.name;
            name.dispatchEvent(new Event("change", {bubbles: true}));
            var preview = document.querySelector(".slug-preview-value");
            if (preview) { preview.textContent = body.name; }
          });
      }, 300);
    });
  }

  var format = document.getElementById("field-format");
  function guess(value) {
    var m = /\.([A-Za-z0-9]{2,7})(?:[?#].*)?$/.exec(value || "");
    if (m && format && !format.value) {
      format.value = m[1].toUpperCase();
      format.dispatchEvent(new Event("change", {bubbles: true}));
    }
  }
  ["field-resource-upload", "field-resource-url", "field-image-upload", "field-image-url"].forEach(function (id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    el.addEventListener("change", function () {
      guess(el.files && el.files[0] ? el.files[0].name : el.value);
    });
  });
})();
