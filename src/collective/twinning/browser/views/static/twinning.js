/* collective.twinning Classic UI: small enhancements; every page works without them. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  /* Plone's toolbar pins with links that have no address: make them buttons a keyboard reaches. */
  function toolbarButtons() {
    document.querySelectorAll("#edit-zone .toolbar-collapse, #edit-zone .toolbar-expand").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("tabindex", "0");
      link.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); link.click(); }
      });
    });
  }

  /* A user picker: type part of a name, choose a teacher of the directory (@people-search);
     the form sends the user id. Without this script the box takes a user name as typed. */
  function userPicker(input) {
    var portal = document.body.getAttribute("data-portal-url") || "";
    var form = input.form;
    var name = input.getAttribute("name");
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = input.value;
    input.removeAttribute("name");
    input.setAttribute("data-user-search", "1");
    input.insertAdjacentElement("afterend", hidden);
    var list = document.createElement("ul");
    list.id = input.id + "-options";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-options-label") || "Teachers");
    list.hidden = true;
    hidden.insertAdjacentElement("afterend", list);
    var wrapper = input.parentElement;
    wrapper.classList.add("user-picker");
    input.setAttribute("role", "combobox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var items = [], active = -1, timer = null, chosenLabel = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }
    function choose(index) {
      var item = items[index];
      if (!item) { return; }
      hidden.value = item.id;
      chosenLabel = item.label;
      input.value = item.label;
      close();
    }
    function show(found) {
      items = found;
      list.innerHTML = "";
      found.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-user", item.id);
        option.textContent = item.label;
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(option);
      });
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      active = -1;
    }
    function search() {
      var text = input.value.trim();
      if (text.length < 2) { show([]); return; }
      fetch(portal + "/@people-search?b_size=10&q=" + encodeURIComponent(text + "*"), {
        headers: { Accept: "application/json" }, credentials: "same-origin"
      }).then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (data) {
          show((data.items || []).map(function (item) {
            var id = item["@id"].split("/").pop();
            var details = [item.organisation && item.organisation.title, item.country].filter(Boolean).join(", ");
            return { id: id, label: item.title + (details ? " (" + details + ")" : "") };
          }));
        }).catch(function () { show([]); });
    }
    input.addEventListener("input", function () {
      hidden.value = input.value.trim();  /* a typed user name still works */
      chosenLabel = null;
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    if (form) {
      form.addEventListener("submit", function () {
        if (chosenLabel === null) { hidden.value = input.value.trim(); }
      });
    }
  }

  /* On a phone the toolbar shows its icons only (the labels are display: none): each link
     keeps its label as its accessible name. */
  function nameToolbarLinks() {
    document.querySelectorAll("#edit-zone a").forEach(function (link) {
      if (link.getAttribute("aria-label")) { return; }
      var label = link.querySelector(".toolbar-label, .plone-toolbar-title, .toolbar-title");
      var text = (label && label.textContent.trim()) || link.getAttribute("title") || "";
      if (!text) {
        var icon = link.querySelector("svg title, img[alt]");
        text = icon ? (icon.textContent || icon.getAttribute("alt") || "").trim() : "";
      }
      if (!text) {
        /* A content view whose label has not been rendered yet: its id says what it is (history, …). */
        var view = link.closest("[id^=contentview-]");
        text = view ? view.id.replace("contentview-", "").replace(/[-_]/g, " ") : "";
        text = text.charAt(0).toUpperCase() + text.slice(1);
      }
      if (text) { link.setAttribute("aria-label", text.replace(/\s+/g, " ")); }
    });
  }

  /* Inputs Plone's widgets leave without a name (the lead image's file input): the field's label. */
  function nameUnlabelledInputs() {
    document.querySelectorAll(".field input:not([type=hidden]), .field select, .field textarea").forEach(function (input) {
      if (input.labels && input.labels.length) { return; }
      if (input.getAttribute("aria-label") || input.getAttribute("aria-labelledby")) { return; }
      var label = input.closest(".field").querySelector("label");
      if (label) { input.setAttribute("aria-label", label.textContent.trim().replace(/\s+/g, " ")); }
    });
  }

  /* TinyMCE's editing frame and resize handle, as it makes them (after the page has loaded):
     the frame gets the field's name, the handle the value a slider must have. */
  function patchEditors(root) {
    root.querySelectorAll("iframe.tox-edit-area__iframe:not([title])").forEach(function (frame) {
      var field = frame.closest(".field");
      var label = field && field.querySelector("label");
      frame.setAttribute("title", label ? label.textContent.trim().replace(/\s+/g, " ") : "Text");
    });
    root.querySelectorAll(".tox-statusbar__wordcount:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", button.textContent.trim() || "Word count");
    });
    root.querySelectorAll(".tox-statusbar__resize-handle:not([aria-valuenow])").forEach(function (handle) {
      var editor = handle.closest(".tox-tinymce");
      handle.setAttribute("aria-valuenow", editor ? String(editor.offsetHeight) : "0");
      handle.setAttribute("aria-valuemin", "100");
      handle.setAttribute("aria-valuemax", "4000");
    });
  }

  /* A required rich text field: TinyMCE copies its text into the form's (hidden, required) textarea
     only when the editor loses focus, so the form's check says the field is empty while one types
     and Save stays disabled (plone/mockup#1390). Copy it as it is typed, and let the check know. */
  function syncEditors() {
    if (!window.tinymce || !window.tinymce.get) { return; }
    window.tinymce.get().forEach(function (editor) {
      var area = editor.getElement && editor.getElement();
      if (!area || area.getAttribute("data-twinning-synced")) { return; }
      area.setAttribute("data-twinning-synced", "true");
      editor.on("input change keyup undo redo SetContent", function () {
        editor.save();
        area.dispatchEvent(new Event("input", { bubbles: true }));
        area.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  }

  /* What Plone's patterns render after the page has loaded (TinyMCE, the toolbar on a phone)
     is named as it appears. */
  function watchLateWidgets() {
    function patch() {
      patchEditors(document);
      syncEditors();
      nameToolbarLinks();
    }
    patch();
    /* In the observer's own microtask: before anything else (a script, a test) reads the page.
       patch() only sets attributes the observer does not watch. */
    new MutationObserver(patch)
      .observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
    window.addEventListener("load", patch);
  }

  ready(function () {
    toolbarButtons();
    nameToolbarLinks();
    nameUnlabelledInputs();
    watchLateWidgets();
    document.querySelectorAll("input[data-user-picker], #form-widgets-cofounder").forEach(userPicker);
  });
})();
