// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Show the chosen file's name beside our Vietnamese "Chọn tệp…" button.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
    var label = document.querySelector('[data-file-name-for="' + input.id + '"]');
    if (label) label.textContent = input.files && input.files.length ? input.files[0].name : "Chưa chọn tệp";
  });
})();
