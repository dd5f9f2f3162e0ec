// A long job's status page (/jobs/{id}): while the job runs, its status region is fetched again every second and a half
// from the page's ?handler=status and swapped in (the region is aria-live polite). It stops once the job is done or
// failed. Without this script the page has a refresh link.
(function () {
    "use strict";

    var region = document.getElementById("job-status");
    if (!region) {
        return;
    }

    var url = region.getAttribute("data-status-url");

    function finished() {
        var state = region.querySelector("[data-finished]");
        return !state || state.getAttribute("data-finished") === "true";
    }

    function poll() {
        if (finished()) {
            return;
        }

        fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html !== null) {
                    var focused = document.activeElement && region.contains(document.activeElement) ? document.activeElement.id : null;
                    region.innerHTML = html;
                    if (focused && document.getElementById(focused)) {
                        document.getElementById(focused).focus();
                    }
                }
                setTimeout(poll, 1500);
            })
            .catch(function () { setTimeout(poll, 5000); });
    }

    setTimeout(poll, 1000);
}());
