// jquery-validation's own messages in German. They show where a field's rule comes from the HTML itself
// (required, type="email", maxlength, min/max) rather than from a data-val-* message the server wrote in
// the page's language; without this file a German page says "This field is required.". Loaded after
// jquery.validate on German pages only (Pages/Shared/_ValidationScriptsPartial.cshtml); English pages keep
// the library's English. A file, not an inline script: the Content-Security-Policy allows no inline code.
(function ($) {
    if (!$ || !$.validator) { return; }
    $.extend($.validator.messages, {
        required: 'Bitte füllen Sie dieses Feld aus.',
        remote: 'Bitte korrigieren Sie dieses Feld.',
        email: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
        url: 'Bitte geben Sie eine gültige Internetadresse an.',
        date: 'Bitte geben Sie ein gültiges Datum an.',
        dateISO: 'Bitte geben Sie ein gültiges Datum an.',
        number: 'Bitte geben Sie eine Zahl an.',
        digits: 'Bitte geben Sie nur Ziffern an.',
        creditcard: 'Bitte geben Sie eine gültige Kartennummer an.',
        equalTo: 'Bitte geben Sie denselben Wert noch einmal an.',
        extension: 'Bitte wählen Sie eine Datei mit einer erlaubten Endung.',
        maxlength: $.validator.format('Bitte geben Sie höchstens {0} Zeichen ein.'),
        minlength: $.validator.format('Bitte geben Sie mindestens {0} Zeichen ein.'),
        rangelength: $.validator.format('Bitte geben Sie zwischen {0} und {1} Zeichen ein.'),
        range: $.validator.format('Bitte geben Sie einen Wert zwischen {0} und {1} an.'),
        max: $.validator.format('Bitte geben Sie höchstens {0} an.'),
        min: $.validator.format('Bitte geben Sie mindestens {0} an.'),
        step: $.validator.format('Bitte geben Sie ein Vielfaches von {0} an.')
    });
}(window.jQuery));
