// The print button of the decision letter (no inline script: the CSP forbids it).
document.getElementById('print-button')?.addEventListener('click', () => window.print());
