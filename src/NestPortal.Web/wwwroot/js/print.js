// The print view's "Drucken" button (no inline script: the CSP forbids it).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
