// The catalogue page's print button: shown only where script runs (the browser's own print works without it).
(function () {
    var button = document.getElementById('catalog-print');
    if (!button) {
        return;
    }

    button.hidden = false;
    button.addEventListener('click', function () {
        window.print();
    });
})();
