// The main menu and the administration submenu as disclosures. Without this script the menu is
// simply always open (it wraps, it never overflows); with it, narrow windows get a "Menü" button.
(function () {
    'use strict';
    var root = document.documentElement;
    root.classList.add('np-js');

    function toggle(button, open) {
        var panel = document.getElementById(button.getAttribute('aria-controls'));
        if (!panel) return;
        var expanded = open === undefined ? button.getAttribute('aria-expanded') !== 'true' : open;
        button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
        panel.classList.toggle('np-open', expanded);
    }

    var menuButton = document.querySelector('.np-menu-button');
    if (menuButton) {
        menuButton.hidden = false;
        menuButton.addEventListener('click', function () { toggle(menuButton); });
    }

    var submenuToggles = Array.prototype.slice.call(document.querySelectorAll('.np-nav__toggle'));
    submenuToggles.forEach(function (button) {
        button.addEventListener('click', function () { toggle(button); });
    });

    // Escape or a click elsewhere closes an open submenu, as people expect from a menu.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') return;
        submenuToggles.forEach(function (button) {
            if (button.getAttribute('aria-expanded') === 'true') { toggle(button, false); button.focus(); }
        });
    });
    document.addEventListener('click', function (event) {
        submenuToggles.forEach(function (button) {
            var group = button.parentElement;
            if (button.getAttribute('aria-expanded') === 'true' && !group.contains(event.target)) toggle(button, false);
        });
    });
})();
