using NestPortal.Domain.Common;

namespace NestPortal.Domain.Banking;

/// <summary>
/// Why an uploaded statement file is refused, in German (the web layer translates the templates): the parser
/// and the upload throw these, so a person learns what to do instead of seeing an XML error.
/// </summary>
public static class StatementRefusal
{
    public static DomainException NotAStatement(string found) =>
        new DomainException("Die Datei ist kein Kontoauszug im Format camt.052 oder camt.053 (ISO 20022, Version 001.02 bis 001.08); gefunden: „{0}“.", found);

    public static DomainException Empty() => new DomainException("Die Datei enthält keinen Kontoauszug.");

    public static DomainException Dtd() =>
        new DomainException("Die Datei enthält eine Dokumenttypdefinition (DTD); solche Dateien werden aus Sicherheitsgründen nicht angenommen.");

    public static DomainException TooLarge(long maxCharacters) =>
        new DomainException("Die Datei ist zu groß; ein Kontoauszug darf höchstens {0:N0} Zeichen haben.", maxCharacters);

    public static DomainException NotXml(int line) =>
        new DomainException("Die Datei ist kein lesbares XML (Zeile {0}): bitte laden Sie den Kontoauszug so hoch, wie die Bank ihn ausgibt.", line);

    public static DomainException NoIban(string statementId) => new DomainException("Der Kontoauszug „{0}“ nennt keine gültige IBAN des Kontos.", statementId);

    public static DomainException AccountCurrency(string currency) => new DomainException("Der Kontoauszug ist in {0} geführt; Mietkonten werden in Euro geführt.", currency);

    public static DomainException AmountCurrency(string currency) => new DomainException("Der Kontoauszug enthält einen Betrag in {0}; Mietkonten werden in Euro geführt.", currency);

    public static DomainException BadAmount(string text) => new DomainException("Der Betrag „{0}“ im Kontoauszug ist keine gültige Zahl.", text);

    public static DomainException BadDate(string text) => new DomainException("Das Datum „{0}“ im Kontoauszug ist ungültig.", text);

    public static DomainException Missing(string element) =>
        new DomainException("Im Kontoauszug fehlt das Pflichtfeld {0}; bitte laden Sie die Datei so hoch, wie die Bank sie ausgibt.", element);

    public static DomainException OtherAccount(string statementIban, string accountIban) =>
        new DomainException("Der Kontoauszug gehört zum Konto {0}, nicht zu diesem Mietkonto ({1}); es wurde nichts übernommen.", statementIban, accountIban);
}
