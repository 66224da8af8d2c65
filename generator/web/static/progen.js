/* progen serve: the live preview, the upload size check and the build progress.
   The pages work without this script (every form posts and the server answers with a whole page);
   the script only makes them answer sooner. No framework, no build step. */
"use strict";

(function () {
  document.documentElement.classList.add("js");

  function tokenOf(form) {
    var field = form.querySelector("input[name=token]");
    return field ? field.value : "";
  }

  /* Make a program: a change of standard, language or card shows that card's skills (the whole page);
     any other change designs the program again and replaces the preview only. */
  function setUpProgram(form) {
    var preview = document.getElementById("preview");
    var nameField = document.getElementById("name");
    var timer = null;
    var sequence = 0;
    if (nameField) {
      nameField.addEventListener("input", function () { nameField.dataset.edited = "yes"; });
    }

    function refresh() {
      var mine = ++sequence;
      preview.setAttribute("aria-busy", "true");
      fetch(form.dataset.preview, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: {"X-Progen-Token": tokenOf(form)}
      }).then(function (response) {
        var address = response.headers.get("X-Progen-Address");
        return response.text().then(function (html) { return {html: html, address: address, ok: response.ok}; });
      }).then(function (answer) {
        if (mine !== sequence) { return; }  /* a newer request is on its way */
        preview.innerHTML = answer.html;
        preview.removeAttribute("aria-busy");
        if (answer.address) { history.replaceState(null, "", answer.address); }
        var section = preview.querySelector("[data-suggested-name]");
        if (nameField && section && nameField.dataset.edited !== "yes") {
          nameField.value = section.dataset.suggestedName;
        }
      }).catch(function () {
        preview.removeAttribute("aria-busy");
      });
    }

    function changed(event) {
      var field = event.target;
      if (!field.name || field.hasAttribute("data-no-preview")) { return; }
      if (field.hasAttribute("data-reload")) {
        if (event.type === "change") { form.submit(); }
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(refresh, event.type === "change" ? 50 : 400);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      /* Enter in a text field: show the preview now instead of posting the page */
      if (!event.submitter) { event.preventDefault(); refresh(); }
    });
  }

  /* Import: say at once when the file is larger than the server takes */
  function setUpUpload(form) {
    var input = form.querySelector("input[type=file]");
    var message = document.getElementById("upload-error");
    var limit = parseInt(form.dataset.limit, 10);
    function tooLarge() { return input.files.length && input.files[0].size > limit; }
    input.addEventListener("change", function () {
      message.hidden = !tooLarge();
      message.textContent = tooLarge() ? form.dataset.tooLarge : "";
    });
    form.addEventListener("submit", function (event) {
      if (tooLarge()) {
        event.preventDefault();
        message.hidden = false;
        message.textContent = form.dataset.tooLarge;
        input.focus();
      }
    });
  }

  /* Build: follow the running build, then show the new state of every document */
  function setUpBuild(section) {
    var bar = document.getElementById("build-progress");
    var count = document.getElementById("build-count");
    var current = document.getElementById("build-current");
    function poll() {
      fetch(section.dataset.status, {credentials: "same-origin"}).then(function (response) {
        return response.json();
      }).then(function (state) {
        if (!state.running) { window.location.reload(); return; }
        if (bar) { bar.max = state.total || 1; bar.value = state.done; }
        if (count) { count.textContent = state.done + " / " + state.total; }
        if (current) { current.textContent = state.current; }
        setTimeout(poll, 500);
      }).catch(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var program = document.getElementById("program");
    if (program) { setUpProgram(program); }
    var upload = document.getElementById("upload");
    if (upload) { setUpUpload(upload); }
    var build = document.getElementById("build-state");
    if (build && build.dataset.running === "yes") { setUpBuild(build); }
  });
}());
