// Polls the status of work running in the background (an import's dry run or commit, a rent run) and
// updates its progress bar and status line; reloads the page when the work has finished, so its result
// and the buttons appear. The section names its status address (data-progress-url, answering JSON with
// processed, total, text and running). Without script the page offers a link to refresh.
(function () {
    'use strict';
    document.querySelectorAll('[data-progress-url][data-running="true"]').forEach(function (section) {
        var bar = section.querySelector('progress');
        var text = section.querySelector('[role=status]');
        var url = section.dataset.progressUrl;

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
    });
}());
