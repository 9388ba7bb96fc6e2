// Starts Redoc on the schema named by the page. Redoc writes its styles as <style> elements;
// the Content-Security-Policy lets them in with the nonce this script tag carries.
(function () {
  "use strict";
  var nonce = document.currentScript ? document.currentScript.nonce : undefined;
  var container = document.getElementById("redoc-container");
  window.Redoc.init(container.getAttribute("data-schema-url"), { nonce: nonce }, container);
})();
