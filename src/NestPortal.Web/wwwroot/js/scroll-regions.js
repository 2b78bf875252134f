// A table wider than the screen scrolls inside its .kern-table-responsive box. Keyboard users must be able
// to reach and scroll it (WCAG 2.1.1), so such a box becomes a focusable region named after its
// table's caption; a box that fits stays out of the tab order. Checked again when the window changes.
(function () {
    function update() {
        document.querySelectorAll('.kern-table-responsive').forEach(function (box) {
            if (box.scrollWidth > box.clientWidth + 1) {
                box.setAttribute('tabindex', '0');
                box.setAttribute('role', 'region');
                var caption = box.querySelector('caption');
                box.setAttribute('aria-label', caption ? caption.textContent.trim() : (document.documentElement.lang === 'en' ? 'Table' : 'Tabelle'));
            } else if (box.getAttribute('tabindex') === '0') {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-label');
            }
        });
    }
    document.addEventListener('DOMContentLoaded', update);
    window.addEventListener('resize', update);
})();
