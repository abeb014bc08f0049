// After an inline update, move keyboard focus to the first field with an error, or to the
// updated card, so that keyboard and screen-reader users learn what happened.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  var card = target && target.id ? document.getElementById(target.id) : null;
  if (!card) return;
  var invalid = card.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  var status = card.querySelector('[role="status"]');
  if (status) {
    card.setAttribute("tabindex", "-1");
    card.focus({ preventScroll: true });
  }
});

// An inline update that the server refused (403, 503, ...) or that never reached it swaps nothing
// (htmx swaps only successful answers), so say what happened above the page: the message of the
// error page the server sent, or what to do. What was typed stays in the form. The words are the
// page's own (the banner's data attributes, in the page's language).
function fallback(status) {
  var banner = document.getElementById("request-error");
  var words = banner ? banner.dataset : {};
  if (status === 403 && words.forbidden) return words.forbidden;
  if (status === 0 && words.unreachable) return words.unreachable;
  return (words.failed || "The request failed (status {status}).").replace("{status}", String(status));
}

function showRequestError(text) {
  var banner = document.getElementById("request-error");
  if (!banner) return;
  banner.textContent = text;
  banner.hidden = false;
  banner.setAttribute("tabindex", "-1");
  banner.focus({ preventScroll: false });
}

function errorMessage(xhr) {
  var text = xhr && xhr.responseText;
  if (text) {
    var page = new DOMParser().parseFromString(text, "text/html");
    var message = page.querySelector(".error-message");
    if (message && message.textContent.trim()) return message.textContent.trim();
  }
  return fallback(xhr ? xhr.status : 0);
}

document.addEventListener("htmx:responseError", function (event) {
  showRequestError(errorMessage(event.detail.xhr));
});

document.addEventListener("htmx:sendError", function () {
  showRequestError(fallback(0));
});

document.addEventListener("htmx:beforeRequest", function () {
  var banner = document.getElementById("request-error");
  if (banner) banner.hidden = true;
});

// A closing's final score (0 to 1) is shown as a percentage next to its field while it is adjusted:
// the field names the output in `data-percent`.
document.addEventListener("input", function (event) {
  var field = event.target;
  var output = field && field.dataset && field.dataset.percent ? document.getElementById(field.dataset.percent) : null;
  if (!output) return;
  var value = parseFloat(field.value);
  output.textContent = isNaN(value) ? "" : Math.round(value * 100) + " %";
});

// A Print button (`data-print`) prints the page; the print styles leave out navigation and forms.
document.addEventListener("click", function (event) {
  if (event.target && event.target.closest && event.target.closest("[data-print]")) window.print();
});

// A table's frame that scrolls (.table-wrap, .table-scroll) joins the tab order while it scrolls, so
// that it can be scrolled with the arrow keys, named by the heading of its section.
function markScrollingFrames() {
  document.querySelectorAll(".table-wrap, .table-scroll").forEach(function (frame) {
    var scrolls = frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1;
    if (scrolls && !frame.hasAttribute("tabindex")) {
      var section = frame.closest("section, article");
      var heading = (section && section.querySelector("h1, h2, h3")) || document.querySelector("main h1");
      frame.setAttribute("tabindex", "0");
      frame.dataset.scrolling = "";
      if (heading && heading.textContent.trim()) {
        frame.setAttribute("role", "group");
        frame.setAttribute("aria-label", heading.textContent.trim());
      }
    } else if (!scrolls && "scrolling" in frame.dataset) {
      ["tabindex", "role", "aria-label", "data-scrolling"].forEach(function (name) {
        frame.removeAttribute(name);
      });
    }
  });
}
document.addEventListener("DOMContentLoaded", markScrollingFrames);
document.addEventListener("htmx:afterSettle", markScrollingFrames);
window.addEventListener("resize", markScrollingFrames);
