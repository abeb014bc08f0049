// The goal and key result forms. Each works without this file: an id left empty is proposed
// when the form is saved, "Add another key result" posts the form back with one more row, and
// the parent fields list the likeliest goals the page was rendered with.

// An id field (data-id-for="goal" or "key_result") follows its title field (data-title-field) while
// the user has not typed an id of their own: it is filled with the server's proposal, which no
// stored goal or key result has, nor another id field of the same data-id-group on the page.
var PROPOSAL_DELAY = 250;

function proposalUrl(field) {
  var form = field.closest("form");
  return form ? form.getAttribute("data-id-proposal-url") : null;
}

function otherIds(field) {
  var group = field.getAttribute("data-id-group");
  if (!group) return [];
  var ids = [];
  document.querySelectorAll('[data-id-group="' + group + '"]').forEach(function (other) {
    if (other !== field && other.value.trim()) ids.push(other.value.trim());
  });
  return ids;
}

function propose(field, title) {
  var url = proposalUrl(field);
  if (!url) return;
  var params = new URLSearchParams({ for: field.getAttribute("data-id-for"), title: title });
  otherIds(field).forEach(function (id) {
    params.append("taken", id);
  });
  var asked = ++field.proposalRequest;
  fetch(url + "?" + params.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (answer) {
      // Only the latest answer counts, and never over an id the user typed meanwhile.
      if (!answer || asked !== field.proposalRequest || !followsTitle(field)) return;
      field.value = answer.id;
      field.setAttribute("data-proposed", answer.id);
    })
    .catch(function () {
      // Without an answer the id stays as it is; the server proposes one on saving if it is empty.
    });
}

function followsTitle(field) {
  var value = field.value.trim();
  return value === "" || value === (field.getAttribute("data-proposed") || "");
}

function watchTitle(field) {
  if (field.proposalWatched) return;
  var title = document.getElementById(field.getAttribute("data-title-field"));
  if (!title) return;
  field.proposalWatched = true;
  field.proposalRequest = 0;
  var timer = null;
  function follow(delay) {
    if (!followsTitle(field)) return;
    window.clearTimeout(timer);
    var text = title.value.trim();
    if (!text) {
      field.value = "";
      field.setAttribute("data-proposed", "");
      return;
    }
    timer = window.setTimeout(function () {
      propose(field, text);
    }, delay);
  }
  title.addEventListener("input", function () {
    follow(PROPOSAL_DELAY);
  });
  // A title typed before this file ran (on a slow page) or kept by the browser on going back
  // gets its proposal too, unless the id field already holds one.
  if (title.value.trim() && !field.value.trim()) follow(0);
}

function watchTitles(root) {
  root.querySelectorAll("[data-id-for][data-title-field]").forEach(watchTitle);
}

// "Add another key result" adds an empty row in place, from the page's <template>, instead of
// posting the form back.
function addKeyResultRow(event) {
  var button = event.currentTarget;
  var rows = document.getElementById("key-result-rows");
  var template = document.getElementById("key-result-row");
  if (!rows || !template) return;
  event.preventDefault();
  var index = rows.querySelectorAll(".kr-row").length;
  var max = parseInt(button.getAttribute("data-max-rows"), 10) || 0;
  if (max && index >= max) return;
  var markup = template.innerHTML.split("__N__").join(String(index)).split("__NUMBER__").join(String(index + 1));
  rows.insertAdjacentHTML("beforeend", markup);
  var added = rows.lastElementChild;
  watchTitles(added);
  if (max && index + 1 >= max) button.hidden = true;
  var title = added.querySelector('input[name$="-title"]');
  if (title) title.focus();
}

// A parent field shows the title of the goal chosen, as the picker's option labels it (the page
// names the goal each hint was rendered for in data-goal, so that an untouched hint stays).
function showParentTitle(field) {
  var hint = document.getElementById(field.getAttribute("data-parent-title"));
  var list = field.list;
  if (!hint || !list) return;
  var value = field.value.trim();
  var match = Array.prototype.find.call(list.options, function (option) {
    return option.value === value;
  });
  if (match) {
    hint.textContent = match.label;
    hint.setAttribute("data-goal", value);
  } else if (value !== (hint.getAttribute("data-goal") || "")) {
    hint.textContent = "";
    hint.setAttribute("data-goal", "");
  }
}

function showParentTitles() {
  document.querySelectorAll("[data-parent-title]").forEach(showParentTitle);
}

// The picker's options arrive after what was typed: name the goals they show.
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "parent-goals") showParentTitles();
});

document.addEventListener("DOMContentLoaded", function () {
  watchTitles(document);
  var add = document.getElementById("add-key-result");
  if (add) add.addEventListener("click", addKeyResultRow);
  document.querySelectorAll("[data-parent-title]").forEach(function (field) {
    field.addEventListener("input", function () {
      showParentTitle(field);
    });
    field.addEventListener("change", function () {
      showParentTitle(field);
    });
  });
});
