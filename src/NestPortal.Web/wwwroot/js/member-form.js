// Shows only the fields for the chosen kind of member (natural or legal person).
// Without script both sets stay visible, and the server checks the right ones either way.
(function () {
    const select = document.getElementById("Input_Kind");
    if (!select) return;
    const sets = document.querySelectorAll("[data-member-kind]");
    const update = () => sets.forEach(set => { set.hidden = set.dataset.memberKind !== select.value; });
    select.addEventListener("change", update);
    update();
})();
