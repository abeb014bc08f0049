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
