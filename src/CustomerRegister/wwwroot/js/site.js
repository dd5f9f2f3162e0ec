// The staff pages' one script (the Content-Security-Policy allows no inline script). Every page works without it:
// the search box is a plain GET form. With it: "/" focuses the search, and results appear while typing, chosen with
// the arrow keys and Enter (the WAI-ARIA combobox pattern), from the search page's suggest handler: the same search as
// /api/search, answered to the page's sign-in cookie (the API takes bearer tokens only).
(function () {
    "use strict";

    function debounce(fn, ms) {
        var timer;
        return function () {
            var args = arguments;
            clearTimeout(timer);
            timer = setTimeout(function () { fn.apply(null, args); }, ms);
        };
    }

    function hrefOf(hit) {
        return hit.kind === "Organisation" ? "/organisations/" + hit.id : "/subjects/" + hit.subjectId;
    }

    function setUpSearch(input) {
        var list = document.getElementById(input.getAttribute("aria-controls"));
        var active = -1;
        var hits = [];
        var latest = 0;

        function close() {
            list.hidden = true;
            list.replaceChildren();
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function mark(index) {
            var options = list.querySelectorAll("[role=option]");
            options.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(found) {
            hits = found;
            list.replaceChildren();
            found.forEach(function (hit, i) {
                var li = document.createElement("li");
                li.id = input.id + "-option-" + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                // An option holds no link (axe: nested-interactive); a click or Enter opens its page.
                li.dataset.href = hrefOf(hit);
                var name = document.createElement("span");
                name.className = "name";
                name.textContent = hit.name;
                li.appendChild(name);
                li.addEventListener("mousedown", function (e) {
                    e.preventDefault();
                    window.location.assign(li.dataset.href);
                });
                var details = [hit.kindText, hit.organisation, hit.matched].filter(function (d) { return d; });
                if (details.length > 0) {
                    var small = document.createElement("span");
                    small.className = "muted";
                    small.textContent = " – " + details.join(" · ");
                    li.appendChild(small);
                }
                list.appendChild(li);
            });
            list.hidden = found.length === 0;
            input.setAttribute("aria-expanded", found.length > 0 ? "true" : "false");
            active = -1;
        }

        var suggest = debounce(function (q) {
            var ticket = ++latest;
            var url = new URL(input.dataset.suggest, window.location.origin);
            url.searchParams.set("limit", "8");
            url.searchParams.set("q", q);
            fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (found) { if (ticket === latest && input.value.trim() === q) { render(found); } })
                .catch(function () { close(); });
        }, 180);

        input.addEventListener("input", function () {
            var q = input.value.trim();
            if (q.length < 2) { latest++; close(); return; }
            suggest(q);
        });

        input.addEventListener("keydown", function (e) {
            if (e.key === "ArrowDown" && hits.length > 0) {
                e.preventDefault();
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                mark(Math.min(active + 1, hits.length - 1));
            } else if (e.key === "ArrowUp" && hits.length > 0) {
                e.preventDefault();
                mark(Math.max(active - 1, 0));
            } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
                e.preventDefault();
                window.location.assign(hrefOf(hits[active]));
            } else if (e.key === "Escape") {
                close();
            }
        });

        input.addEventListener("blur", function () { setTimeout(close, 200); });
    }

    document.addEventListener("keydown", function (e) {
        var t = e.target;
        var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
        if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
            var box = document.getElementById("global-q");
            if (box) { e.preventDefault(); box.focus(); box.select(); }
        }
    });

    document.querySelectorAll("input[data-suggest]").forEach(setUpSearch);
}());
