// "Lees voor": read the question and its answers aloud with the browser's speech synthesis.
// Progressive enhancement: the button stays hidden when the browser cannot speak.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    return;
  }
  function textOf(button) {
    var question = document.getElementById(button.getAttribute("data-voorlezen"));
    var parts = [question ? question.textContent : ""];
    var form = button.closest("form");
    if (form) {
      form.querySelectorAll(".hint, .keuze label").forEach(function (el) {
        parts.push(el.textContent);
      });
    }
    return parts.join(". ");
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-voorlezen]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.speechSynthesis.cancel();
        var spoken = new SpeechSynthesisUtterance(textOf(button));
        spoken.lang = "nl-NL";
        spoken.rate = 0.9;
        window.speechSynthesis.speak(spoken);
      });
    });
  });
})();
