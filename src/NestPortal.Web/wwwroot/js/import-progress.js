// Polls an import's status while its dry run or commit runs and updates the progress bar; reloads the
// page when it has finished, so the report and the buttons appear. Without script the page offers a link.
(function () {
    'use strict';
    var section = document.getElementById('import-progress-section');
    if (!section || section.dataset.running !== 'true') return;
    var bar = document.getElementById('import-progress');
    var text = document.getElementById('import-progress-text');
    var url = section.dataset.statusUrl;

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (status) {
                if (!status) return;
                bar.max = Math.max(1, status.total);
                bar.value = status.processed;
                bar.textContent = status.text;
                text.textContent = status.text;
                if (status.running) window.setTimeout(poll, 1500);
                else window.location.reload();
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 1000);
}());
