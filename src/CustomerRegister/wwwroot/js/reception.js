// The reception desk's identity-code hint while typing. Only a hint: the server checks the code on submit with the
// same rule (PersonalIdentityCode) and its reason is the one shown beside the field. The code is never sent anywhere.
(function () {
    "use strict";

    var checks = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    var centurySigns = "+-YXWVUABCDEF";

    function reason(value) {
        if (value.length !== 11) { return value.length > 11 ? "length" : null; }
        if (!/^\d{6}$/.test(value.slice(0, 6)) || !/^\d{3}$/.test(value.slice(7, 10))) { return "format"; }
        if (centurySigns.indexOf(value.charAt(6)) < 0) { return "century"; }
        var expected = checks.charAt(parseInt(value.slice(0, 6) + value.slice(7, 10), 10) % 31);
        return value.charAt(10) === expected ? "ok" : "check";
    }

    function setUp() {
        // After a refused submit, start where the first reason is.
        var invalid = document.querySelector("#certificate-form [aria-invalid=true]");
        if (invalid) { invalid.focus(); }

        var input = document.getElementById("Input_IdentityCode");
        var live = document.getElementById("identity-live");
        if (!input || !live) { return; }
        input.addEventListener("input", function () {
            var r = reason(input.value.trim().toUpperCase());
            live.textContent = r ? live.getAttribute("data-" + r) : "";
            live.className = "live-check" + (r === "ok" ? " ok" : r ? " bad" : "");
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
}());
