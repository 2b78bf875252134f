// The outreach form's municipality picker: a filter box, "only selected", a live count, and
// "informiert" implying "eingeladen". Without script every region is a plain list of checkboxes
// (regions with a selection open), and the server counts informed municipalities as invited anyway.
(function () {
    const picker = document.querySelector("[data-picker]");
    if (!picker) return;
    const tools = picker.querySelector("[data-picker-tools]");
    const filter = picker.querySelector("[data-picker-filter]");
    const selectedOnly = picker.querySelector("[data-picker-selected-only]");
    const count = picker.querySelector("[data-picker-count]");
    const regions = Array.from(picker.querySelectorAll("[data-picker-region]"));
    const rows = Array.from(picker.querySelectorAll("[data-picker-row]"));
    tools.hidden = false;

    const invitedOf = row => row.querySelector("[data-picker-invited]");
    const informedOf = row => row.querySelector("[data-picker-informed]");

    function updateCount() {
        const invited = rows.filter(row => invitedOf(row).checked || informedOf(row).checked).length;
        const informed = rows.filter(row => informedOf(row).checked).length;
        count.textContent = count.dataset.template.replace("{0}", invited).replace("{1}", informed);
    }

    function applyFilter() {
        const term = filter.value.trim().toLowerCase();
        const onlySelected = selectedOnly.checked;
        const filtering = term.length > 0 || onlySelected;
        regions.forEach(region => {
            let visible = 0;
            region.querySelectorAll("[data-picker-row]").forEach(row => {
                const matches = row.dataset.search.includes(term) && (!onlySelected || invitedOf(row).checked || informedOf(row).checked);
                row.hidden = !matches;
                if (matches) visible++;
            });
            region.hidden = visible === 0;
            if (filtering && visible > 0) region.open = true;
        });
    }

    picker.addEventListener("change", event => {
        const row = event.target.closest("[data-picker-row]");
        if (row) {
            // Informed implies invited; taking away "invited" takes away "informed" too.
            if (event.target.matches("[data-picker-informed]") && event.target.checked) invitedOf(row).checked = true;
            if (event.target.matches("[data-picker-invited]") && !event.target.checked) informedOf(row).checked = false;
            updateCount();
        }
        if (event.target === selectedOnly) applyFilter();
    });
    filter.addEventListener("input", applyFilter);
    // Enter in the filter box must not submit the whole form.
    filter.addEventListener("keydown", event => { if (event.key === "Enter") event.preventDefault(); });
})();
