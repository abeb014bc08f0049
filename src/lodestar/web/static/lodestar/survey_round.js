// The survey round pages. Each works without this file: every unit and task is listed to tick,
// and the share link can be selected and copied by hand.

// A search field (data-filter="<id of a list>") shows only the choices of the list whose label
// holds what is typed (case and accents aside); ticked choices stay visible.
function plain(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function filterChoices(field) {
  var list = document.getElementById(field.getAttribute("data-filter"));
  if (!list) return;
  var typed = plain(field.value.trim());
  list.querySelectorAll("label").forEach(function (label) {
    var box = label.querySelector("input");
    var shown = !typed || plain(label.textContent).indexOf(typed) !== -1 || (box && box.checked);
    label.hidden = !shown;
  });
}

// "Copy link" (data-copy="<id of the field>") copies the field's text and says so on the button.
function copyLink(button) {
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  var done = function () {
    var before = button.textContent;
    button.textContent = button.getAttribute("data-copied") || before;
    window.setTimeout(function () {
      button.textContent = before;
    }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () {
      field.select();
    });
  } else {
    field.select();
    if (document.execCommand && document.execCommand("copy")) done();
  }
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-filter]").forEach(function (field) {
    field.hidden = false;
    field.addEventListener("input", function () {
      filterChoices(field);
    });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      copyLink(button);
    });
  });
  document.querySelectorAll(".share-link").forEach(function (field) {
    field.addEventListener("focus", function () {
      field.select();
    });
  });
});
