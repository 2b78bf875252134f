// On a phone a list's table (class np-stack) shows each row as a card: site.css stacks the cells and
// prints each cell's column name before it from data-label, which this script copies from the header.
(function () {
    'use strict';
    document.querySelectorAll('table.np-stack').forEach(function (table) {
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            var column = 0;
            Array.prototype.forEach.call(row.children, function (cell) {
                if (headers[column] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headers[column]);
                column += cell.colSpan || 1;
            });
        });
    });
})();
