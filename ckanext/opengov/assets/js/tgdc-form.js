/* Shows each TGDC field only for its dataset type, and each "อื่นๆ" text only when อื่นๆ is chosen. */
(function () {
  "use strict";
  var source = document.getElementById("opengov-form-rules");
  if (!source) { return; }
  var rules = JSON.parse(source.textContent);

  function inputs(name) { return Array.prototype.slice.call(document.querySelectorAll('[name="' + name + '"]')); }
  function container(name) {
    var first = inputs(name)[0];
    return first ? first.closest(".form-group") : null;
  }
  function currentType() {
    var select = document.getElementById("field-data_type");
    return select ? rules.codes[select.value] : rules.current_type;
  }
  function chosen(name, value) {
    return inputs(name).some(function (input) {
      var choice = input.type === "checkbox" || input.type === "radio";
      return input.value === value && (!choice || input.checked);
    });
  }
  function show(name, visible) {
    var box = container(name);
    if (box) { box.style.display = visible ? "" : "none"; }
  }
  function update() {
    var type = currentType();
    Object.keys(rules.others).forEach(function (name) {
      var base = rules.others[name][0], trigger = rules.others[name][1];
      var typeOk = !rules.types[name] || rules.types[name].indexOf(type) >= 0;
      show(name, typeOk && chosen(base, trigger));
    });
    Object.keys(rules.types).forEach(function (name) {
      if (!rules.others[name]) { show(name, rules.types[name].indexOf(type) >= 0); }
    });
  }
  document.addEventListener("change", update);
  update();
}());
